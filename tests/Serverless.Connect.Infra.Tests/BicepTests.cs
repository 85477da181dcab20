using System.Reflection;
using System.Text.Json;

namespace Serverless.Connect.Infra.Tests;

/// <summary><c>bicep build</c> and <c>bicep lint</c> (CLI from the Azure.Bicep.CommandLine.linux-x64 package) report nothing.</summary>
public sealed class BicepTests
{
    private static readonly string s_bicep = typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;

    [Fact]
    public async Task Main_builds_with_zero_diagnostics()
    {
        var (exit, stdout, stderr) = await Bicep("build", Path.Combine(InfraPaths.Bicep, "main.bicep"), "--stdout");
        Assert.True(exit == 0 && stderr.Trim().Length == 0, $"bicep build exited {exit}:\n{stderr}");
        using var template = JsonDocument.Parse(stdout);
        var resources = template.RootElement.GetProperty("resources");
        var site = resources.GetProperty("functions");
        Assert.StartsWith("functionapp,linux", site.GetProperty("kind").GetString(), StringComparison.Ordinal);
        // Kafka target-based scaling on Premium only works with runtime scale monitoring.
        Assert.True(site.GetProperty("properties").GetProperty("siteConfig").GetProperty("functionsRuntimeScaleMonitoringEnabled").GetBoolean());
        Assert.Equal("ElasticPremium", resources.GetProperty("plan").GetProperty("sku").GetProperty("tier").GetString());
        var scale = resources.GetProperty("cdcReader").GetProperty("properties").GetProperty("template").GetProperty("scale");
        Assert.Equal(1, scale.GetProperty("minReplicas").GetInt32());
        Assert.Equal(1, scale.GetProperty("maxReplicas").GetInt32());
        foreach (var secure in new[] { "kafkaSaslPassword", "elasticsearchPassword", "s3SecretAccessKey", "postgresPassword" })
        {
            Assert.Equal("securestring", template.RootElement.GetProperty("parameters").GetProperty(secure).GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task Main_lints_with_zero_errors_and_zero_warnings()
    {
        var (exit, stdout, stderr) = await Bicep("lint", Path.Combine(InfraPaths.Bicep, "main.bicep"));
        var output = (stdout + stderr).Trim();
        Assert.True(exit == 0 && output.Length == 0, $"bicep lint exited {exit}:\n{output}");
    }

    [Fact]
    public async Task The_parameters_file_builds_and_lints_cleanly()
    {
        var param = Path.Combine(InfraPaths.Bicep, "main.bicepparam");
        var (exit, stdout, stderr) = await Bicep("build-params", param, "--stdout");
        Assert.True(exit == 0 && stderr.Trim().Length == 0, $"bicep build-params exited {exit}:\n{stderr}");
        Assert.Contains("parametersJson", stdout, StringComparison.Ordinal);
        var lint = await Bicep("lint", param);
        Assert.True(lint.ExitCode == 0 && (lint.Stdout + lint.Stderr).Trim().Length == 0, $"bicep lint exited {lint.ExitCode}:\n{lint.Stdout}{lint.Stderr}");
    }

    [Fact]
    public async Task The_parameters_file_sets_every_app_setting_the_generated_functions_reference()
    {
        var (exit, stdout, stderr) = await Bicep("build-params", Path.Combine(InfraPaths.Bicep, "main.bicepparam"), "--stdout");
        Assert.True(exit == 0, stderr);
        using var output = JsonDocument.Parse(stdout);
        using var parameters = JsonDocument.Parse(output.RootElement.GetProperty("parametersJson").GetString()!);
        var triggerSettings = parameters.RootElement.GetProperty("parameters").GetProperty("functionTriggerSettings").GetProperty("value")
            .EnumerateObject().Select(p => p.Name).ToHashSet();
        var referenced = FunctionAppSettings.Referenced();
        Assert.NotEmpty(referenced);
        // main.bicep sets the Kafka settings itself; the rest must come from functionTriggerSettings.
        Assert.All(referenced.Except(["KafkaBootstrapServers", "KafkaUsername", "KafkaPassword"]), name => Assert.Contains(name, triggerSettings));
    }

    [Fact]
    public async Task The_lint_check_catches_a_warning()
    {
        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "sc-bicep-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            File.Copy(Path.Combine(InfraPaths.Bicep, "bicepconfig.json"), Path.Combine(dir, "bicepconfig.json"));
            await File.WriteAllTextAsync(Path.Combine(dir, "bad.bicep"), "param unused string\n");
            var (_, stdout, stderr) = await Bicep("lint", Path.Combine(dir, "bad.bicep"));
            Assert.Contains("no-unused-params", stdout + stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> Bicep(params string[] arguments)
    {
        Assert.True(File.Exists(s_bicep), $"Bicep CLI not found at {s_bicep} (restore the Azure.Bicep.CommandLine.linux-x64 package)");
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(s_bicep).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(s_bicep, File.GetUnixFileMode(s_bicep) | UnixFileMode.UserExecute);
        }

        return ProcessRunner.RunAsync(s_bicep, arguments, InfraPaths.Bicep, TimeSpan.FromMinutes(3));
    }
}
