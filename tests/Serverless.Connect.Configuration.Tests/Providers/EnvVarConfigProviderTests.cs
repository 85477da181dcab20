using Serverless.Connect.Configuration.Providers;
using static Serverless.Connect.Configuration.Tests.Providers.ResolverTestSupport;

namespace Serverless.Connect.Configuration.Tests.Providers;

public sealed class EnvVarConfigProviderTests
{
    [Fact]
    public void EnvReference_ResolvesFromTheProcessEnvironment()
    {
        var name = "SC_TEST_ENV_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "s3cr3t");
        try
        {
            var resolution = Resolve(Config(("database.password", $"${{env:{name}}}"), ("url", $"jdbc://${{env:{name}}}@host")));

            Assert.True(resolution.IsSuccess);
            Assert.Equal("s3cr3t", resolution.Values["database.password"]);
            Assert.Equal("jdbc://s3cr3t@host", resolution.Values["url"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void MissingVariable_IsAnErrorNamingKeyAndReference()
    {
        var name = "SC_TEST_UNSET_" + Guid.NewGuid().ToString("N");

        var resolution = Resolve(Config(("database.password", $"${{env:{name}}}")));

        var error = Assert.Single(resolution.Errors);
        Assert.Equal("database.password", error.Key);
        Assert.Equal($"Could not resolve ${{env:{name}}}: environment variable {name} is not set", error.Message);
        Assert.Equal($"${{env:{name}}}", resolution.Values["database.password"]);
        Assert.Throws<ConfigResolutionException>(resolution.EnsureSuccess);
    }

    [Fact]
    public void StrimziAlias_AndDoubleColonForm_Work()
    {
        var options = new ConfigProviderOptions { Environment = new DictionaryEnvironmentVariables([new("PG_PASS", "pw")]) };

        var resolution = Resolve(Config(("a", "${strimzienv:PG_PASS}"), ("b", "${env::PG_PASS}")), options);

        Assert.Equal("pw", resolution.Values["a"]);
        Assert.Equal("pw", resolution.Values["b"]);
    }

    [Fact]
    public void Path_IsRejectedLikeKafka()
    {
        var options = new ConfigProviderOptions { Environment = new DictionaryEnvironmentVariables([new("X", "1")]) };

        var resolution = Resolve(Config(("a", "${env:some/path:X}")), options);

        Assert.Equal("Could not resolve ${env:some/path:X}: Path is not supported for EnvVarConfigProvider, invalid value 'some/path'", Assert.Single(resolution.Errors).Message);
    }

    [Fact]
    public void AllowlistPattern_FromWorkerDeclaration_LimitsVariables()
    {
        var options = new ConfigProviderOptions { Environment = new DictionaryEnvironmentVariables([new("APP_TOKEN", "t"), new("HOME_SECRET", "h")]) };
        var worker = Config(
            ("config.providers", "env"),
            ("config.providers.env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider"),
            ("config.providers.env.param.allowlist.pattern", "^APP_"));

        var resolution = Resolve(Config(("ok", "${env:APP_TOKEN}"), ("blocked", "${env:HOME_SECRET}")), options, worker);

        Assert.Equal("t", resolution.Values["ok"]);
        var error = Assert.Single(resolution.Errors);
        Assert.Equal("blocked", error.Key);
        Assert.Contains("allowlist.pattern", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("h\"", error.Message, StringComparison.Ordinal);
    }
}
