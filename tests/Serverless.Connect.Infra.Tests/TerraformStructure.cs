using System.Text.Json;
using System.Text.RegularExpressions;

namespace Serverless.Connect.Infra.Tests;

/// <summary>
/// What <c>terraform validate</c> would catch without downloading providers: references to undeclared variables,
/// locals, modules, data sources and resources, and declared variables nobody uses. Works on the JSON form of the
/// HCL that @cdktf/hcl2json produces, where every expression is a <c>${…}</c> string.
/// </summary>
internal static partial class TerraformStructure
{
    public static List<string> Check(JsonElement filesJson, IEnumerable<string> providerPrefixes)
    {
        var variables = new HashSet<string>(StringComparer.Ordinal);
        var locals = new HashSet<string>(StringComparer.Ordinal);
        var modules = new HashSet<string>(StringComparer.Ordinal);
        var resources = new HashSet<string>(StringComparer.Ordinal);
        var data = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in filesJson.EnumerateObject())
        {
            var body = file.Value;
            Names(body, "variable", variables);
            Names(body, "module", modules);
            TypedNames(body, "resource", resources);
            TypedNames(body, "data", data);
            if (body.TryGetProperty("locals", out var localBlocks))
            {
                foreach (var block in localBlocks.EnumerateArray())
                {
                    foreach (var local in block.EnumerateObject())
                    {
                        locals.Add(local.Name);
                    }
                }
            }
        }

        var resourcePattern = new Regex(
            $@"(?<![\w.])(?<type>(?:{string.Join('|', providerPrefixes.Select(Regex.Escape))})_[a-z0-9_]+)\.(?<name>[A-Za-z_][A-Za-z0-9_-]*)",
            RegexOptions.CultureInvariant);
        var problems = new List<string>();
        var usedVariables = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in filesJson.EnumerateObject())
        {
            foreach (var expression in Expressions(file.Value))
            {
                foreach (Match m in VariableReference().Matches(expression))
                {
                    usedVariables.Add(m.Groups[1].Value);
                    if (!variables.Contains(m.Groups[1].Value))
                    {
                        problems.Add($"{file.Name}: var.{m.Groups[1].Value} is not declared");
                    }
                }

                Expect(LocalReference(), expression, locals, "local", file.Name, problems);
                Expect(ModuleReference(), expression, modules, "module", file.Name, problems);
                foreach (Match m in DataReference().Matches(expression))
                {
                    if (!data.Contains($"{m.Groups[1].Value}.{m.Groups[2].Value}"))
                    {
                        problems.Add($"{file.Name}: data.{m.Groups[1].Value}.{m.Groups[2].Value} does not exist");
                    }
                }

                foreach (Match m in resourcePattern.Matches(expression))
                {
                    var reference = $"{m.Groups["type"].Value}.{m.Groups["name"].Value}";
                    if (!resources.Contains(reference))
                    {
                        problems.Add($"{file.Name}: {reference} does not exist");
                    }
                }
            }
        }

        problems.AddRange(variables.Except(usedVariables).Order(StringComparer.Ordinal).Select(v => $"variable {v} is declared but never used"));
        return [.. problems.Distinct()];
    }

    public static HashSet<string> DeclaredVariables(JsonElement filesJson)
    {
        var variables = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in filesJson.EnumerateObject())
        {
            Names(file.Value, "variable", variables);
        }

        return variables;
    }

    private static void Expect(Regex pattern, string expression, HashSet<string> declared, string kind, string file, List<string> problems)
    {
        foreach (Match m in pattern.Matches(expression))
        {
            if (!declared.Contains(m.Groups[1].Value))
            {
                problems.Add($"{file}: {kind}.{m.Groups[1].Value} is not declared");
            }
        }
    }

    private static void Names(JsonElement body, string block, HashSet<string> into)
    {
        if (body.TryGetProperty(block, out var blocks))
        {
            foreach (var item in blocks.EnumerateObject())
            {
                into.Add(item.Name);
            }
        }
    }

    private static void TypedNames(JsonElement body, string block, HashSet<string> into)
    {
        if (body.TryGetProperty(block, out var types))
        {
            foreach (var type in types.EnumerateObject())
            {
                foreach (var name in type.Value.EnumerateObject())
                {
                    into.Add($"{type.Name}.{name.Name}");
                }
            }
        }
    }

    // Every string that contains an interpolation; text outside ${…} is literal and never a reference.
    private static IEnumerable<string> Expressions(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                foreach (Match m in Interpolation().Matches(element.GetString()!))
                {
                    yield return m.Value;
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray().SelectMany(Expressions))
                {
                    yield return item;
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var item in Expressions(property.Value))
                    {
                        yield return item;
                    }
                }

                break;
        }
    }

    // hcl2json writes "$${" for a literal "${"; skip those and take the rest up to the matching brace.
    [GeneratedRegex(@"(?<!\$)\$\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"(?<![\w.])var\.([A-Za-z_][A-Za-z0-9_-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"(?<![\w.])local\.([A-Za-z_][A-Za-z0-9_-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex LocalReference();

    [GeneratedRegex(@"(?<![\w.])module\.([A-Za-z_][A-Za-z0-9_-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex ModuleReference();

    [GeneratedRegex(@"(?<![\w.])data\.([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex DataReference();
}
