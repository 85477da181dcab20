using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Configuration.Tests.Validation;

public sealed class DeprecationTests
{
    [Fact]
    public void RemovedKey_IsAcceptedWithAWarningAndIgnored()
    {
        var definition = new ConfigDef()
            .Define("topics", ConfigType.List, "", Importance.High, "doc")
            .DefineRemoved("type.name", "removed in Elasticsearch sink 11.0.0; Elasticsearch 7 and later are typeless");

        var result = definition.Validate(new Dictionary<string, string> { ["type.name"] = "_doc", ["topics"] = "a" });

        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("type.name", warning.Key);
        Assert.Equal(
            "type.name: Configuration \"type.name\" is no longer used and is ignored: removed in Elasticsearch sink 11.0.0; Elasticsearch 7 and later are typeless",
            result.FormatWarnings());
        Assert.True(definition.Keys["type.name"].IsDeprecated);
        Assert.Empty(definition.Validate(new Dictionary<string, string>()).Warnings);
    }

    [Fact]
    public void DeprecatedKey_StillWorksAndWarns()
    {
        var definition = new ConfigDef().DefineDeprecated("tasks.max.enforce", ConfigType.Boolean, true, "doc", "always enforced");

        var result = definition.Validate(new Dictionary<string, string> { ["tasks.max.enforce"] = "false" });

        Assert.False(result.EnsureValid().GetBoolean("tasks.max.enforce"));
        Assert.Equal("tasks.max.enforce: Configuration \"tasks.max.enforce\" is deprecated: always enforced", result.FormatWarnings());
    }

    [Fact]
    public void DeprecatedKey_IsStillTypeChecked()
    {
        var definition = new ConfigDef().DefineDeprecated("old", ConfigType.Int, 1, "doc", "use new");

        var result = definition.Validate(new Dictionary<string, string> { ["old"] = "x" });

        Assert.Single(result.Errors);
        Assert.Single(result.Warnings);
    }

    [Fact]
    public void RenamedKey_MovesItsValueToTheNewName()
    {
        var definition = new ConfigDef()
            .Define("table.include.list", ConfigType.List, "", Importance.High, "doc")
            .DefineRenamed("table.whitelist", "table.include.list");

        var result = definition.Validate(new Dictionary<string, string> { ["table.whitelist"] = "public.a, public.b" });

        Assert.Equal(["public.a", "public.b"], result.EnsureValid().GetList("table.include.list")!);
        Assert.Contains("use", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RenamedKey_LosesToTheNewNameWhenBothAreSet()
    {
        var definition = new ConfigDef()
            .Define("table.include.list", ConfigType.List, "", Importance.High, "doc")
            .DefineRenamed("table.whitelist", "table.include.list");

        var result = definition.Validate(new Dictionary<string, string> { ["table.whitelist"] = "old", ["table.include.list"] = "new" });

        Assert.Equal(["new"], result.EnsureValid().GetList("table.include.list")!);
        Assert.Equal("table.whitelist: Configuration \"table.whitelist\" is deprecated and ignored because \"table.include.list\" is also set.", result.FormatWarnings());
    }
}
