using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Serverless.Connect.TestUtilities;

/// <summary>
/// A PostgreSQL 15 server of one test's own (initdb into a temporary directory, a free port on 127.0.0.1), for faults the
/// shared local server must not suffer: restarts, other <c>wal_level</c>s. Runs as the <c>postgres</c> OS user when the
/// tests run as root (PostgreSQL refuses root), like <c>infra/local/services.sh</c>; stopped and deleted on dispose.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _directory;

    private PrivatePostgres(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public string User => "postgres";

    public string Password => "postgres";

    private string DataDirectory => Path.Combine(_directory, "data");

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Initialises and starts a server with the given <c>wal_level</c>.</summary>
    public static async Task<PrivatePostgres> StartAsync(string walLevel = "logical", CancellationToken cancellationToken = default)
    {
        // Under /tmp: the postgres OS user may not be able to enter the repository's folders.
        var directory = Path.Combine("/tmp", "sc-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var server = new PrivatePostgres(directory, FreePort());
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "pwfile"), server.Password + "\n", cancellationToken);
            if (IsRoot)
            {
                await RunAsync("chown", ["-R", "postgres:", directory], asPostgres: false, cancellationToken);
            }

            await RunAsync(Path.Combine(Bin, "initdb"), ["-D", server.DataDirectory, "-U", server.User, "--pwfile=" + Path.Combine(directory, "pwfile"),
                "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"], asPostgres: true, cancellationToken);
            await File.AppendAllLinesAsync(Path.Combine(server.DataDirectory, "postgresql.conf"),
            [
                $"wal_level = {walLevel}",
                "max_wal_senders = 10",
                "max_replication_slots = 10",
                "fsync = off",
                "full_page_writes = off",
                "listen_addresses = '127.0.0.1'",
                $"port = {server.Port.ToString(CultureInfo.InvariantCulture)}",
                $"unix_socket_directories = '{directory}'",
            ], cancellationToken);
            await server.PgCtlAsync(cancellationToken, "-l", Path.Combine(directory, "postgres.log"), "start");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = User,
        Password = Password,
        Database = database,
        Pooling = false,
    }.ConnectionString;

    /// <summary>Creates a database and returns its name.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return name;
    }

    /// <summary><c>pg_ctl restart -m fast</c>: every session, replication ones included, is terminated.</summary>
    public Task RestartAsync(CancellationToken cancellationToken = default) =>
        PgCtlAsync(cancellationToken, "-l", Path.Combine(_directory, "postgres.log"), "-m", "fast", "restart");

    /// <summary><c>pg_ctl stop -m fast</c>: the server is down (connections refused) until <see cref="StartAgainAsync"/>.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => PgCtlAsync(cancellationToken, "-m", "fast", "stop");

    /// <summary>Starts the server again after <see cref="StopAsync"/>.</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken = default) =>
        PgCtlAsync(cancellationToken, "-l", Path.Combine(_directory, "postgres.log"), "start");

    public string Log() => File.Exists(Path.Combine(_directory, "postgres.log")) ? File.ReadAllText(Path.Combine(_directory, "postgres.log")) : "";

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await PgCtlAsync(CancellationToken.None, "-m", "immediate", "stop");
            }
            catch (InvalidOperationException)
            {
                // Already stopped; the directory goes regardless.
            }
        }

        Directory.Delete(_directory, recursive: true);
    }

    private Task PgCtlAsync(CancellationToken cancellationToken, params string[] args) =>
        RunAsync(Path.Combine(Bin, "pg_ctl"), ["-D", DataDirectory, "-w", "-t", "60", .. args], asPostgres: true, cancellationToken);

    private static async Task RunAsync(string file, string[] args, bool asPostgres, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asPostgres && IsRoot ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && IsRoot)
        {
            foreach (var a in (string[])["-u", "postgres", "--", file])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}{await stdout}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
