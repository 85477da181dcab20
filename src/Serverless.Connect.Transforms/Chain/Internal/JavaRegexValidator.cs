using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Text;

namespace Serverless.Connect.Transforms.Chain.Internal;

/// <summary>Kafka's transforms <c>RegexValidator</c>: the value must compile as a Java regular expression.</summary>
internal sealed class JavaRegexValidator : IConfigValidator
{
    public static JavaRegexValidator Instance { get; } = new();

    public void EnsureValid(string name, object? value)
    {
        if (value is not string pattern)
        {
            return;
        }

        if (!TryCompile(pattern, out _, out var error))
        {
            throw new ConfigException(name, value, "Invalid regex: " + error);
        }
    }

    /// <summary>Compiles like <c>Pattern.compile</c>; the error text is Java's <c>PatternSyntaxException.getMessage()</c>.</summary>
    public static bool TryCompile(string pattern, out JavaRegex? regex, out string? error)
    {
        try
        {
            regex = JavaRegex.Get(pattern);
            error = null;
            return true;
        }
        catch (JavaPatternSyntaxException e)
        {
            regex = null;
            error = JavaMessage(e);
            return false;
        }
        catch (NotSupportedException e)
        {
            // A construct this port cannot translate: Java would accept it, but running it differently would be worse.
            regex = null;
            error = e.Message;
            return false;
        }
    }

    public override string ToString() => "valid regex";

    private static string JavaMessage(JavaPatternSyntaxException e)
    {
        // Java prints the description, the pattern on its own line and a caret under the failing index.
        var text = e.Index >= 0 ? $"{e.Description} near index {e.Index}\n{e.Pattern}" : $"{e.Description}\n{e.Pattern}";
        return e.Index >= 0 && e.Index < e.Pattern.Length ? text + "\n" + new string(' ', e.Index) + "^" : text;
    }
}
