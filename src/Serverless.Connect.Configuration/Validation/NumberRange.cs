using System.Globalization;
using Serverless.Connect.Configuration.Internal;

namespace Serverless.Connect.Configuration.Validation;

/// <summary>Accepts numbers within inclusive bounds (Kafka's <c>ConfigDef.Range</c>).</summary>
public sealed class NumberRange : IConfigValidator
{
    private readonly object? _min;
    private readonly object? _max;

    private NumberRange(object? min, object? max)
    {
        _min = min;
        _max = max;
    }

    /// <summary>A range with only a lower bound.</summary>
    /// <param name="min">The smallest accepted value.</param>
    /// <returns>The validator.</returns>
    public static NumberRange AtLeast(long min) => new(min, null);

    /// <summary>A range with only a lower bound.</summary>
    /// <param name="min">The smallest accepted value.</param>
    /// <returns>The validator.</returns>
    public static NumberRange AtLeast(double min) => new(min, null);

    /// <summary>A range with only an upper bound.</summary>
    /// <param name="max">The largest accepted value.</param>
    /// <returns>The validator.</returns>
    public static NumberRange AtMost(long max) => new(null, max);

    /// <summary>A range with both bounds, both inclusive.</summary>
    /// <param name="min">The smallest accepted value.</param>
    /// <param name="max">The largest accepted value.</param>
    /// <returns>The validator.</returns>
    public static NumberRange Between(long min, long max) => new(min, max);

    /// <summary>A range with both bounds, both inclusive.</summary>
    /// <param name="min">The smallest accepted value.</param>
    /// <param name="max">The largest accepted value.</param>
    /// <returns>The validator.</returns>
    public static NumberRange Between(double min, double max) => new(min, max);

    /// <inheritdoc />
    public void EnsureValid(string name, object? value)
    {
        if (value is null)
        {
            throw new ConfigException(name, null, "Value must be non-null");
        }

        if (value is not (int or long or short or double or float or decimal or byte))
        {
            throw new ConfigException(name, value, "Value must be a number");
        }

        var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        if (_min is not null && number < Convert.ToDouble(_min, CultureInfo.InvariantCulture))
        {
            throw new ConfigException(name, value, "Value must be at least " + JavaValueFormatter.Format(_min));
        }

        if (_max is not null && number > Convert.ToDouble(_max, CultureInfo.InvariantCulture))
        {
            throw new ConfigException(name, value, "Value must be no more than " + JavaValueFormatter.Format(_max));
        }
    }

    /// <summary>Describes the range as Kafka does, for example <c>[1,...]</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => (_min, _max) switch
    {
        (null, null) => "[...]",
        (null, _) => "[...," + JavaValueFormatter.Format(_max) + "]",
        (_, null) => "[" + JavaValueFormatter.Format(_min) + ",...]",
        _ => "[" + JavaValueFormatter.Format(_min) + ",...," + JavaValueFormatter.Format(_max) + "]",
    };
}
