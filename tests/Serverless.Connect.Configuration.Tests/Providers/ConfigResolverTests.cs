using Serverless.Connect.Configuration.Providers;
using static Serverless.Connect.Configuration.Tests.Providers.ResolverTestSupport;

namespace Serverless.Connect.Configuration.Tests.Providers;

public sealed class ConfigResolverTests
{
    private static readonly ConfigProviderOptions _options = new() { Environment = new DictionaryEnvironmentVariables([new("A", "1"), new("B", "2")]) };

    [Theory]
    [InlineData("events.${routedByValue}")]
    [InlineData("${topic}-${timestamp}")]
    [InlineData("plain value")]
    [InlineData("$1 and ${")]
    public void TextWithoutProviderReferences_IsUnchanged(string value)
    {
        var resolution = Resolve(Config(("k", value)), _options);

        Assert.True(resolution.IsSuccess);
        Assert.Empty(resolution.Warnings);
        Assert.Equal(value, resolution.Values["k"]);
    }

    [Fact]
    public void UnknownProviderAlias_IsLeftUnchangedWithAWarning()
    {
        var resolution = Resolve(Config(("k", "${vault:secret/db:password}")), _options);

        Assert.True(resolution.IsSuccess);
        Assert.Equal("${vault:secret/db:password}", resolution.Values["k"]);
        Assert.Equal("k", Assert.Single(resolution.Warnings).Key);
    }

    [Fact]
    public void SeveralReferencesInOneValue_AreAllReplaced()
    {
        var resolution = Resolve(Config(("k", "${env:A}-${env:B}-${env:A}")), _options);

        Assert.Equal("1-2-1", resolution.Values["k"]);
    }

    [Fact]
    public void ResolvedValues_AreNotResolvedAgain()
    {
        var options = new ConfigProviderOptions { Environment = new DictionaryEnvironmentVariables([new("OUTER", "${env:INNER}"), new("INNER", "x")]) };

        Assert.Equal("${env:INNER}", Resolve(Config(("k", "${env:OUTER}")), options).Values["k"]);
    }

    [Fact]
    public void DeclaredAliases_MapKnownClasses()
    {
        using var secrets = new TempDirectory();
        secrets.Write("db/password", "pw");
        var worker = Config(
            ("config.providers", "k8s, vars"),
            ("config.providers.k8s.class", "io.strimzi.kafka.KubernetesSecretConfigProvider"),
            ("config.providers.vars.class", "io.strimzi.kafka.EnvVarConfigProvider"));
        var options = _options with { SecretsDirectory = secrets.Path };

        var resolution = Resolve(Config(("p", "${k8s:db:password}"), ("a", "${vars:A}")), options, worker);

        Assert.True(resolution.IsSuccess);
        Assert.Equal("pw", resolution.Values["p"]);
        Assert.Equal("1", resolution.Values["a"]);
    }

    [Fact]
    public void UnsupportedDeclaredClass_FailsItsReferencesWithAClearError()
    {
        var worker = Config(("config.providers", "vault"), ("config.providers.vault.class", "com.example.VaultConfigProvider"));

        var resolution = Resolve(Config(("p", "${vault:secret/db:password}")), _options, worker);

        var error = Assert.Single(resolution.Errors);
        Assert.Equal("p", error.Key);
        Assert.Contains("com.example.VaultConfigProvider", error.Message, StringComparison.Ordinal);
        Assert.Contains(resolution.Warnings, w => w.Key == "config.providers.vault.class");
    }

    [Fact]
    public void DeclarationWithoutClass_KeepsTheBuiltInAndWarns()
    {
        var worker = Config(("config.providers", "env"));

        var resolution = Resolve(Config(("a", "${env:A}")), _options, worker);

        Assert.Equal("1", resolution.Values["a"]);
        Assert.Contains(resolution.Warnings, w => w.Key == "config.providers.env.class");
    }

    [Fact]
    public void CustomProviders_CanBeRegistered()
    {
        var providers = ConfigProviders.CreateDefault(_options).Register("const", new ConstantProvider());

        var resolution = new ConfigResolver(providers).Resolve(Config(("k", "${const:any:thing}")));

        Assert.Equal("any/thing", resolution.Values["k"]);
    }

    [Fact]
    public void ConfigReference_ParsesLikeKafka()
    {
        var references = ConfigReference.FindAll("x ${file:/etc/a.properties:key} ${env:NAME} ${a:b:c:d}");

        Assert.Equal(new ConfigReference("file", "/etc/a.properties", "key", "${file:/etc/a.properties:key}"), references[0]);
        Assert.Equal(new ConfigReference("env", string.Empty, "NAME", "${env:NAME}"), references[1]);
        Assert.Equal(new ConfigReference("a", "b", "c:d", "${a:b:c:d}"), references[2]);
    }

    private sealed class ConstantProvider : IConfigProvider
    {
        public IReadOnlyDictionary<string, string> Get(string path, IReadOnlySet<string> keys) => keys.ToDictionary(k => k, k => $"{path}/{k}");

        public string DescribeLookup(string path, string key) => "never";
    }
}
