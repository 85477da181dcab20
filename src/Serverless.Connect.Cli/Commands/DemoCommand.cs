using System.CommandLine;
using System.Runtime.InteropServices;
using Serverless.Connect.Demo;

namespace Serverless.Connect.Cli.Commands;

/// <summary><c>./connect demo</c>: the design seed's pipeline on the local services, with live load, progress and a summary.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var duration = new Option<int?>("--duration")
        {
            Description = "Run the load for SECONDS, then drain and print the summary (default: until Ctrl-C).",
        };
        duration.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is <= 0)
            {
                result.AddError("--duration must be a positive number of seconds.");
            }
        });
        var rate = new Option<int>("--rate")
        {
            Description = "Target row changes per second of the load generator (inserts, updates, deletes, outbox rows).",
            DefaultValueFactory = _ => 200,
        };
        rate.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() <= 0)
            {
                result.AddError("--rate must be a positive number of rows per second.");
            }
        });
        var noInstall = new Option<bool>("--no-install")
        {
            Description = "Do not run infra/local/services.sh (no apt-get, npm ci or service start): the services must already be up.",
        };
        var command = new Command(
            "demo",
            "Run the design seed's pipeline (postgres-source, outbox-connector, S3 sink, Elasticsearch sink when ES_URL is set) on the local services with live load, a progress display and a summary.");
        command.Options.Add(duration);
        command.Options.Add(rate);
        command.Options.Add(noInstall);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var signals = new ServiceSignals(cancellationToken);

            // A closed terminal ends the run like Ctrl-C, so the database and slots are still dropped.
            using var hangUp = CancellationTokenSource.CreateLinkedTokenSource(signals.Token);
            using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true;
                hangUp.Cancel();
            });
            var options = new DemoOptions
            {
                Duration = parse.GetValue(duration) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                Rate = parse.GetValue(rate),
                NoInstall = parse.GetValue(noInstall),
            };
            return await DemoRunner.RunAsync(options, Console.Out, Console.Error, hangUp.Token).ConfigureAwait(false);
        });
        return command;
    }
}
