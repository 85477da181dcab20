using System.Text;
using Serverless.Connect.Data;

namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>
/// Turns a column default expression into the text the column decoder understands, as Debezium's default-value
/// converter does for literals; sequences (serial columns) become the type's zero value; other expressions give none.
/// </summary>
internal static class ColumnDefaults
{
    public static string? Literal(string? expression, SchemaType type)
    {
        if (string.IsNullOrEmpty(expression))
        {
            return null;
        }

        if (expression.StartsWith("nextval(", StringComparison.Ordinal))
        {
            return type is SchemaType.Int16 or SchemaType.Int32 or SchemaType.Int64 ? "0" : null;
        }

        if (expression[0] == '\'')
        {
            var text = new StringBuilder();
            for (var i = 1; i < expression.Length; i++)
            {
                if (expression[i] == '\'')
                {
                    if (i + 1 < expression.Length && expression[i + 1] == '\'')
                    {
                        text.Append('\'');
                        i++;
                        continue;
                    }

                    return text.ToString();
                }

                text.Append(expression[i]);
            }

            return null;
        }

        if (expression is "true" or "false")
        {
            return expression == "true" ? "t" : "f";
        }

        var number = expression.StartsWith('(') && expression.EndsWith(')') ? expression[1..^1] : expression;
        foreach (var c in number)
        {
            if (!char.IsAsciiDigit(c) && c is not '-' and not '.')
            {
                return null;
            }
        }

        return number;
    }
}
