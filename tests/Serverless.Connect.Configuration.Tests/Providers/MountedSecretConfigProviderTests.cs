using Serverless.Connect.Configuration.Loading;
using Serverless.Connect.Configuration.Providers;
using static Serverless.Connect.Configuration.Tests.Providers.ResolverTestSupport;

namespace Serverless.Connect.Configuration.Tests.Providers;

public sealed class MountedSecretConfigProviderTests
{
    [Fact]
    public void SecretReference_ReadsTheMountedSecretFileExactly()
    {
        using var secrets = new TempDirectory();
        secrets.Write("postgres/password", "p@ss word\n");
        var options = new ConfigProviderOptions { Environment = new DictionaryEnvironmentVariables([new("SC_SECRETS_DIR", secrets.Path)]) };

        var resolution = Resolve(Config(("database.password", "${secrets:postgres:password}")), options);

        Assert.True(resolution.IsSuccess);
        Assert.Equal("p@ss word\n", resolution.Values["database.password"]);
    }

    [Fact]
    public void NamespacedReference_PrefersTheNamespacedMountThenFallsBack()
    {
        using var secrets = new TempDirectory();
        secrets.Write("kafka/postgres/password", "namespaced");
        secrets.Write("postgres/password", "plain");
        secrets.Write("mysql/password", "fallback");
        var options = new ConfigProviderOptions { SecretsDirectory = secrets.Path, Environment = DictionaryEnvironmentVariables.Empty };

        var resolution = Resolve(Config(("a", "${secrets:kafka/postgres:password}"), ("b", "${secrets:postgres:password}"), ("c", "${secrets:kafka/mysql:password}")), options);

        Assert.Equal("namespaced", resolution.Values["a"]);
        Assert.Equal("plain", resolution.Values["b"]);
        Assert.Equal("fallback", resolution.Values["c"]);
    }

    [Fact]
    public void EnvironmentVariables_AreTheFallback()
    {
        using var secrets = new TempDirectory();
        var options = new ConfigProviderOptions
        {
            SecretsDirectory = secrets.Path,
            Environment = new DictionaryEnvironmentVariables(
            [
                new("SC_SECRET_KAFKA_MY_DB_DB_PASSWORD", "ns-env"),
                new("SC_SECRET_MY_DB_DB_PASSWORD", "plain-env"),
            ]),
        };

        var resolution = Resolve(Config(("a", "${secrets:kafka/my-db:db.password}"), ("b", "${secrets:my-db:db.password}"), ("c", "${secrets:other/my-db:db.password}")), options);

        Assert.Equal("ns-env", resolution.Values["a"]);
        Assert.Equal("plain-env", resolution.Values["b"]);
        Assert.Equal("plain-env", resolution.Values["c"]);
    }

    [Fact]
    public void RealProcessEnvironmentVariable_IsUsed()
    {
        var secretName = "sc-test-" + Guid.NewGuid().ToString("N");
        var variable = MountedSecretConfigProvider.VariableName("SC_SECRET_", null, secretName, "password");
        Environment.SetEnvironmentVariable(variable, "from-env");
        try
        {
            using var secrets = new TempDirectory();
            var resolution = Resolve(Config(("p", $"${{secrets:{secretName}:password}}")), new ConfigProviderOptions { SecretsDirectory = secrets.Path });

            Assert.Equal("from-env", resolution.Values["p"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void MissingSecret_ErrorNamesTheKeyAndWhereItLookedButNoValues()
    {
        using var secrets = new TempDirectory();
        secrets.Write("postgres/username", "admin-user-value");
        var options = new ConfigProviderOptions { SecretsDirectory = secrets.Path, Environment = DictionaryEnvironmentVariables.Empty };

        var resolution = Resolve(Config(("database.user", "${secrets:postgres:username}"), ("database.password", "${secrets:postgres:password}")), options);

        var error = Assert.Single(resolution.Errors);
        Assert.Equal("database.password", error.Key);
        var expectedFile = Path.Combine(secrets.Path, "postgres", "password");
        Assert.Equal(
            $"database.password: Could not resolve ${{secrets:postgres:password}}: no secret \"postgres\" with key \"password\" (looked for files {expectedFile} and environment variables SC_SECRET_POSTGRES_PASSWORD)",
            error.ToString());
        Assert.DoesNotContain("admin-user-value", string.Join("\n", resolution.Errors), StringComparison.Ordinal);
        var exception = Assert.Throws<ConfigResolutionException>(resolution.EnsureSuccess);
        Assert.Contains("database.password", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("admin-user-value", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${secrets:../etc:passwd}")]
    [InlineData("${secrets:a/b/c:key}")]
    [InlineData("${secrets::key}")]
    public void InvalidPaths_AreRejected(string reference)
    {
        using var secrets = new TempDirectory();
        var resolution = Resolve(Config(("k", reference)), new ConfigProviderOptions { SecretsDirectory = secrets.Path, Environment = DictionaryEnvironmentVariables.Empty });

        Assert.Contains("invalid secret reference path", Assert.Single(resolution.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TraversalInKey_IsNotRead()
    {
        using var secrets = new TempDirectory();
        secrets.Write("outside", "should-not-leak");
        secrets.Write("postgres/password", "x");
        var resolution = Resolve(Config(("k", "${secrets:postgres:../outside}")), new ConfigProviderOptions { SecretsDirectory = secrets.Path, Environment = DictionaryEnvironmentVariables.Empty });

        Assert.Single(resolution.Errors);
        Assert.Equal("${secrets:postgres:../outside}", resolution.Values["k"]);
    }

    [Fact]
    public void ConfigMaps_UseTheirOwnDirectory()
    {
        using var maps = new TempDirectory();
        maps.Write("connector-settings/topic.prefix", "cdc");
        var options = new ConfigProviderOptions { ConfigMapsDirectory = maps.Path, Environment = DictionaryEnvironmentVariables.Empty };

        var resolution = Resolve(Config(("topic.prefix", "${configmaps:connector-settings:topic.prefix}")), options);

        Assert.Equal("cdc", resolution.Values["topic.prefix"]);
    }

    [Fact]
    public void SeedPostgresConnector_ResolvesItsSecret()
    {
        using var secrets = new TempDirectory();
        secrets.Write("postgres/password", "secret");
        var connector = Assert.Single(new ConnectConfigLoader(DictionaryEnvironmentVariables.Empty).LoadFile(TestPaths.Seed("postgres-source.yaml")).Connectors);
        var resolver = new ConfigResolver(ConfigProviders.CreateDefault(new ConfigProviderOptions { SecretsDirectory = secrets.Path, Environment = DictionaryEnvironmentVariables.Empty }));

        var resolved = connector.WithValues(resolver.Resolve(connector.Values).EnsureSuccess());

        Assert.Equal("secret", resolved["database.password"]);
        Assert.Equal("${secrets:postgres:password}", connector["database.password"]);
    }
}
