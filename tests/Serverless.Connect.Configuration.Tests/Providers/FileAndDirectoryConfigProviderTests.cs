using Serverless.Connect.Configuration.Providers;
using static Serverless.Connect.Configuration.Tests.Providers.ResolverTestSupport;

namespace Serverless.Connect.Configuration.Tests.Providers;

public sealed class FileAndDirectoryConfigProviderTests
{
    [Fact]
    public void FileReference_ReadsAKeyOfAPropertiesFile()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("credentials.properties", "# creds\nusername = debezium\npassword=p\\u00e4ss\\\n  word\n");

        var resolution = Resolve(Config(("database.user", $"${{file:{file}:username}}"), ("database.password", $"${{file:{file}:password}}")));

        Assert.True(resolution.IsSuccess);
        Assert.Equal("debezium", resolution.Values["database.user"]);
        Assert.Equal("pässword", resolution.Values["database.password"]);
    }

    [Fact]
    public void FileReference_MissingKeyOrFile_AreErrors()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("c.properties", "a=1\n");
        var missing = directory.PathOf("missing.properties");

        var resolution = Resolve(Config(("x", $"${{file:{file}:b}}"), ("y", $"${{strimzifile:{missing}:a}}")));

        Assert.Equal(2, resolution.Errors.Count);
        Assert.Equal($"x: Could not resolve ${{file:{file}:b}}: properties file {file} has no key b", resolution.Errors[0].ToString());
        Assert.Equal($"y: Could not resolve ${{strimzifile:{missing}:a}}: Could not read properties from file {missing}", resolution.Errors[1].ToString());
    }

    [Fact]
    public void FileProvider_AllowedPaths_AreEnforced()
    {
        using var allowed = new TempDirectory();
        using var other = new TempDirectory();
        var good = allowed.Write("a.properties", "k=v\n");
        var bad = other.Write("b.properties", "k=v\n");
        var worker = Config(
            ("config.providers", "file"),
            ("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider"),
            ("config.providers.file.param.allowed.paths", allowed.Path));

        var resolution = Resolve(Config(("good", $"${{file:{good}:k}}"), ("bad", $"${{file:{bad}:k}}")), worker: worker);

        Assert.Equal("v", resolution.Values["good"]);
        Assert.Equal("bad", Assert.Single(resolution.Errors).Key);
        Assert.Contains("allowed.paths", resolution.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DirectoryReference_ReadsTheExactFileContents()
    {
        using var directory = new TempDirectory();
        directory.Write("tls/ca.crt", "-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n");

        var resolution = Resolve(Config(("ssl.truststore.certificates", $"${{directory:{directory.PathOf("tls")}:ca.crt}}")));

        Assert.Equal("-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n", resolution.Values["ssl.truststore.certificates"]);
    }

    [Fact]
    public void DirectoryReference_Problems_AreErrors()
    {
        using var directory = new TempDirectory();
        directory.Write("d/sub/nested", "x");
        var d = directory.PathOf("d");
        var nowhere = directory.PathOf("nowhere");

        var resolution = Resolve(Config(("a", $"${{directory:{d}:missing}}"), ("b", $"${{directory:{d}:sub}}"), ("c", $"${{strimzidir:{nowhere}:k}}"), ("d", $"${{directory:{d}:../d/sub/nested}}")));

        Assert.Equal(["a", "b", "c", "d"], resolution.Errors.Select(e => e.Key ?? string.Empty).ToArray());
        Assert.Contains($"directory {d} has no regular file missing", resolution.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains($"The path {nowhere} is not a directory", resolution.Errors[2].Message, StringComparison.Ordinal);
    }
}
