using System.Globalization;
using System.Text;

namespace Serverless.Connect.Hosting.Kafka.Metrics;

/// <summary>Writes Prometheus' text exposition format (version 0.0.4): one <c># HELP</c>/<c># TYPE</c> per family, then its samples.</summary>
internal sealed class PrometheusTextWriter
{
    /// <summary>The content type a scraper expects for this format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _text = new();

    public void Family(string name, string type, string help)
    {
        _text.Append("# HELP ").Append(name).Append(' ');
        foreach (var c in help)
        {
            _ = c switch
            {
                '\\' => _text.Append(@"\\"),
                '\n' => _text.Append(@"\n"),
                _ => _text.Append(c),
            };
        }

        _text.Append('\n').Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
    }

    public void Sample(string name, double value, params ReadOnlySpan<(string Name, string Value)> labels)
    {
        _text.Append(name);
        if (labels.Length > 0)
        {
            _text.Append('{');
            for (var i = 0; i < labels.Length; i++)
            {
                if (i > 0)
                {
                    _text.Append(',');
                }

                _text.Append(labels[i].Name).Append("=\"");
                foreach (var c in labels[i].Value)
                {
                    _ = c switch
                    {
                        '\\' => _text.Append(@"\\"),
                        '"' => _text.Append("\\\""),
                        '\n' => _text.Append(@"\n"),
                        _ => _text.Append(c),
                    };
                }

                _text.Append('"');
            }

            _text.Append('}');
        }

        _text.Append(' ').Append(Format(value)).Append('\n');
    }

    public override string ToString() => _text.ToString();

    private static string Format(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
