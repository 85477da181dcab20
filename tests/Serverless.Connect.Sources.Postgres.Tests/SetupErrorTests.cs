using System.Threading.Channels;
using Npgsql;
using Serverless.Connect.Errors;
using Serverless.Connect.TestUtilities;
using static Serverless.Connect.Sources.Postgres.Tests.SourceHarness;

namespace Serverless.Connect.Sources.Postgres.Tests;

public sealed class SetupErrorTests
{
    [Fact]
    public async Task User_without_replication_privilege_is_told_how_to_grant_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var role = await TestRole.CreateAsync(replication: false);

        var error = await RunExpectingFailureAsync(Config(db, ("database.user", role.Name), ("database.password", TestRole.Password)));

        Assert.Contains($"User '{role.Name}' does not have the REPLICATION privilege", error.Message, StringComparison.Ordinal);
        Assert.Contains("ALTER ROLE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_select_privilege_names_the_tables()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE secret (id int PRIMARY KEY); CREATE PUBLICATION pub FOR TABLE secret");
        await using var role = await TestRole.CreateAsync(replication: true);

        var error = await RunExpectingFailureAsync(Config(
            db, ("database.user", role.Name), ("database.password", TestRole.Password), ("publication.name", "pub"), ("publication.autocreate.mode", "disabled")));

        Assert.Contains("lacks the SELECT privilege on captured table(s) public.secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_publication_with_autocreate_disabled_is_an_error()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE a (id int PRIMARY KEY)");

        var error = await RunExpectingFailureAsync(Config(db, ("publication.autocreate.mode", "disabled"), ("publication.name", "nope")));

        Assert.Contains("Publication 'nope' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("publication.autocreate.mode is 'disabled'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtered_publication_lists_exactly_the_included_tables()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int PRIMARY KEY)");
        var config = Config(db, ("publication.autocreate.mode", "filtered"), ("table.include.list", "public.b"), ("publication.name", "filtered_pub"));

        await using (await StartAsync(db, config))
        {
            await using var connection = await db.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT string_agg(schemaname || '.' || tablename, ',') FROM pg_publication_tables WHERE pubname = 'filtered_pub'", connection);
            Assert.Equal("public.b", await command.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task Slot_already_in_use_is_reported_as_active()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE a (id int PRIMARY KEY)");
        var config = Config(db);
        await using var first = await StartAsync(db, config);

        var error = await RunExpectingFailureAsync(config);

        Assert.IsType<SlotInUseException>(error);
        Assert.Contains($"Replication slot '{config["slot.name"]}' is already active", error.Message, StringComparison.Ordinal);
    }

    private static async Task<ConnectException> RunExpectingFailureAsync(Dictionary<string, string> config)
    {
        var source = new PostgresChangeSource(PostgresConnectorConfig.Parse(config));
        var channel = Channel.CreateBounded<PostgresSourceRecord>(10);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Assert.ThrowsAnyAsync<ConnectException>(() => source.RunAsync(channel.Writer, timeout.Token));
    }

    private sealed class TestRole : IAsyncDisposable
    {
        public const string Password = "pw_test_role";

        private TestRole(string name)
        {
            Name = name;
        }

        public string Name { get; }

        public static async Task<TestRole> CreateAsync(bool replication)
        {
            var role = new TestRole("r_" + Guid.NewGuid().ToString("N")[..12]);
            await Admin($"CREATE ROLE {role.Name} LOGIN PASSWORD '{Password}'{(replication ? " REPLICATION" : string.Empty)}");
            return role;
        }

        public async ValueTask DisposeAsync() => await Admin($"DROP ROLE IF EXISTS {Name}");

        private static async Task Admin(string sql)
        {
            await using var admin = new NpgsqlConnection(LocalServices.Current.PostgresConnectionString("postgres"));
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync();
        }
    }
}
