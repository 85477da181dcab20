using System.Globalization;
using Serverless.Connect.CdcReader;
using Serverless.Connect.CdcReader.Internal;

// Usage: Serverless.Connect.CdcReader <config file or directory> [--worker <file>] [--http-port <port>]
// Defaults come from CDC_CONFIG, CDC_WORKER_CONFIG and CDC_HTTP_PORT so the container needs no arguments.
string? config = Environment.GetEnvironmentVariable("CDC_CONFIG");
string? worker = Environment.GetEnvironmentVariable("CDC_WORKER_CONFIG");
int? port = int.TryParse(Environment.GetEnvironmentVariable("CDC_HTTP_PORT"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--worker" when i + 1 < args.Length:
            worker = args[++i];
            break;
        case "--http-port" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed):
            port = parsed;
            i++;
            break;
        case var arg when !arg.StartsWith("--", StringComparison.Ordinal):
            config = arg;
            break;
        default:
            await Console.Error.WriteLineAsync($"Unknown option {args[i]}");
            return 2;
    }
}

if (config is null)
{
    await Console.Error.WriteLineAsync("Usage: cdc-reader <config file or directory> [--worker <file>] [--http-port <port>]");
    return 2;
}

using var stop = new CancellationTokenSource();
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    return await CdcReaderHost.RunAsync(config, worker, port, stop.Token, ConsoleLoggerFactory.Create());
}
catch (Serverless.Connect.Errors.ConnectException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
