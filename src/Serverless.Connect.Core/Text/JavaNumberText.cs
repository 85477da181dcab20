using Serverless.Connect.Data.Internal;

namespace Serverless.Connect.Text;

/// <summary>Java's <c>Double.toString</c> / <c>Float.toString</c> text: <c>1.0</c>, <c>1.0E7</c>, <c>1.0E-4</c>, <c>NaN</c>, <c>Infinity</c>.</summary>
public static class JavaNumberText
{
    /// <summary>Formats like Java's <c>Double.toString(value)</c> (shortest round-trip digits, Java's notation).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string ToJavaString(double value) => JavaFormat.FormatDouble(value);

    /// <summary>Formats like Java's <c>Float.toString(value)</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string ToJavaString(float value) => JavaFormat.FormatFloat(value);
}
