namespace Serverless.Connect.Configuration.Connect;

/// <summary>The converter Connect would create for one slot (key, value or header) and the settings it would pass it.</summary>
/// <param name="Property">The class property: <c>key.converter</c>, <c>value.converter</c> or <c>header.converter</c>.</param>
/// <param name="ClassName">The converter class or alias.</param>
/// <param name="Config">The converter's settings (<c>&lt;property&gt;.*</c> with the prefix stripped) from the same source as the class.</param>
/// <param name="Origin">Whether the class came from the connector, the worker or the default.</param>
public sealed record ConverterSettings(string Property, string ClassName, IReadOnlyDictionary<string, string> Config, ConfigOrigin Origin);
