using System.Text.Json;

namespace Serverless.Connect.Infra.Tests;

/// <summary>Every file in infra/terraform parses (@cdktf/hcl2json) and its references resolve.</summary>
public sealed class TerraformTests
{
    private static readonly SemaphoreSlim s_npm = new(1, 1);

    [Fact]
    public async Task Every_file_parses_and_every_reference_resolves()
    {
        var files = Directory.EnumerateFiles(InfraPaths.Terraform, "*.tf").Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 5, "expected versions, variables, main, outputs and the app files");
        using var parsed = await ParseAsync(files);
        Assert.Equal(files.Select(Path.GetFileName), parsed.RootElement.EnumerateObject().Select(p => p.Name));
        var problems = TerraformStructure.Check(parsed.RootElement, ["azurerm", "random"]);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_function_app_enables_runtime_scale_monitoring_and_the_cdc_reader_has_exactly_one_replica()
    {
        using var parsed = await ParseAsync(Directory.EnumerateFiles(InfraPaths.Terraform, "*.tf"));
        var root = parsed.RootElement;
        var site = root.GetProperty("functions.tf").GetProperty("resource").GetProperty("azurerm_linux_function_app").GetProperty("sinks")[0].GetProperty("site_config")[0];
        Assert.True(site.GetProperty("runtime_scale_monitoring_enabled").GetBoolean());
        var plan = root.GetProperty("functions.tf").GetProperty("resource").GetProperty("azurerm_service_plan").GetProperty("functions")[0];
        Assert.Equal("${var.functions_plan_sku}", plan.GetProperty("sku_name").GetString());
        var template = root.GetProperty("cdc_reader.tf").GetProperty("resource").GetProperty("azurerm_container_app").GetProperty("cdc_reader")[0].GetProperty("template")[0];
        Assert.Equal(1, template.GetProperty("min_replicas").GetInt32());
        Assert.Equal(1, template.GetProperty("max_replicas").GetInt32());
        foreach (var secret in new[] { "kafka_sasl_password", "elasticsearch_password", "s3_secret_access_key", "postgres_password" })
        {
            Assert.True(root.GetProperty("variables.tf").GetProperty("variable").GetProperty(secret)[0].GetProperty("sensitive").GetBoolean(), secret);
        }
    }

    [Fact]
    public async Task The_example_tfvars_set_only_declared_variables()
    {
        using var parsed = await ParseAsync(Directory.EnumerateFiles(InfraPaths.Terraform, "*.tf"));
        var declared = TerraformStructure.DeclaredVariables(parsed.RootElement);
        using var tfvars = await ParseAsync([Path.Combine(InfraPaths.Terraform, "terraform.tfvars.example")]);
        var assigned = tfvars.RootElement.EnumerateObject().Single().Value.EnumerateObject().Select(p => p.Name).ToList();
        Assert.NotEmpty(assigned);
        Assert.All(assigned, name => Assert.Contains(name, declared));
    }

    [Fact]
    public async Task The_example_tfvars_set_every_app_setting_the_generated_functions_reference()
    {
        using var tfvars = await ParseAsync([Path.Combine(InfraPaths.Terraform, "terraform.tfvars.example")]);
        var triggerSettings = tfvars.RootElement.EnumerateObject().Single().Value.GetProperty("function_trigger_settings")
            .EnumerateObject().Select(p => p.Name).ToHashSet();
        var referenced = FunctionAppSettings.Referenced();
        Assert.NotEmpty(referenced);
        Assert.All(referenced.Except(["KafkaBootstrapServers", "KafkaUsername", "KafkaPassword"]), name => Assert.Contains(name, triggerSettings));
    }

    [Fact]
    public async Task The_check_reports_undeclared_variables_missing_resources_and_unused_variables()
    {
        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "sc-tf-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "main.tf"), """
                variable "used" { type = string }
                variable "unused" { type = string }
                locals { name = "x-${var.used}" }
                resource "azurerm_resource_group" "main" {
                  name     = local.name
                  location = var.missing
                }
                output "x" { value = azurerm_storage_account.nope.id }
                output "y" { value = "${local.other}-${data.azurerm_client_config.none.tenant_id}-$${var.literal}" }
                """);
            using var parsed = await ParseAsync([Path.Combine(dir, "main.tf")]);
            var problems = TerraformStructure.Check(parsed.RootElement, ["azurerm"]);
            Assert.Contains("main.tf: var.missing is not declared", problems);
            Assert.Contains("main.tf: azurerm_storage_account.nope does not exist", problems);
            Assert.Contains("main.tf: local.other is not declared", problems);
            Assert.Contains("main.tf: data.azurerm_client_config.none does not exist", problems);
            Assert.Contains("variable unused is declared but never used", problems);
            Assert.DoesNotContain(problems, p => p.Contains("var.literal", StringComparison.Ordinal) || p.Contains("azurerm_resource_group", StringComparison.Ordinal));
            Assert.Equal(5, problems.Count);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_syntax_error_fails_the_parse()
    {
        var file = Path.Combine(Path.GetTempPath(), "sc-tf-bad-" + Guid.NewGuid().ToString("N") + ".tf");
        await File.WriteAllTextAsync(file, "resource \"x\" \"y\" {\n  a =\n");
        try
        {
            await EnsureNodeModulesAsync();
            var (exit, _, stderr) = await ProcessRunner.RunAsync("node", [Path.Combine(InfraPaths.Terraform, "tools", "hcl2json.mjs"), file], InfraPaths.Terraform, TimeSpan.FromMinutes(2));
            Assert.Equal(1, exit);
            Assert.Contains("Invalid expression", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<JsonDocument> ParseAsync(IEnumerable<string> files)
    {
        await EnsureNodeModulesAsync();
        var (exit, stdout, stderr) = await ProcessRunner.RunAsync("node", [Path.Combine(InfraPaths.Terraform, "tools", "hcl2json.mjs"), .. files], InfraPaths.Terraform, TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, $"hcl2json failed ({exit}):\n{stderr}");
        return JsonDocument.Parse(stdout);
    }

    // A clean clone has no node_modules: install the locked parser once (infra/local/services.sh does the same for its tools).
    private static async Task EnsureNodeModulesAsync()
    {
        await s_npm.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(InfraPaths.Terraform, "node_modules", "@cdktf", "hcl2json", "package.json")))
            {
                return;
            }

            var (exit, stdout, stderr) = await ProcessRunner.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], InfraPaths.Terraform, TimeSpan.FromMinutes(5));
            Assert.True(exit == 0, $"npm ci in infra/terraform failed ({exit}):\n{stdout}\n{stderr}");
        }
        finally
        {
            s_npm.Release();
        }
    }
}
