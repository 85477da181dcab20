using System.Globalization;
using System.Text;

namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>Applies a <see cref="FieldNameAdjustment"/>.</summary>
internal static class FieldNameAdjuster
{
    public static string Adjust(FieldNameAdjustment mode, string name)
    {
        if (mode == FieldNameAdjustment.None || name.Length == 0 || IsValid(name))
        {
            return name;
        }

        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var valid = i == 0 ? IsValidFirst(c) : IsValidOther(c);
            if (valid)
            {
                builder.Append(c);
            }
            else if (mode == FieldNameAdjustment.Avro)
            {
                builder.Append('_');
            }
            else
            {
                builder.Append("_u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static bool IsValid(string name) => IsValidFirst(name[0]) && name.AsSpan(1).ToString().All(IsValidOther);

    private static bool IsValidFirst(char c) => c is '_' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static bool IsValidOther(char c) => IsValidFirst(c) || c is >= '0' and <= '9';
}
