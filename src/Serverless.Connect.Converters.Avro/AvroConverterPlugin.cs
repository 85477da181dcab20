using Serverless.Connect.Configuration.Plugins;

namespace Serverless.Connect.Converters.Avro;

/// <summary>Registers <see cref="AvroConverter"/> with the converter and plugin registries.</summary>
public static class AvroConverterPlugin
{
    /// <summary>Gets the plugin descriptor: kind Converter, class <see cref="AvroConverter.ClassName"/>, the converter's <see cref="AvroConverterConfig.CreateConfigDef"/>.</summary>
    public static PluginDescriptor Descriptor { get; } = new(AvroConverter.ClassName, PluginKind.Converter)
    {
        Config = AvroConverterConfig.CreateConfigDef(),
    };

    /// <summary>Registers the converter under its Java class name and its simple name <c>AvroConverter</c>.</summary>
    /// <param name="registry">The registry, typically <see cref="ConverterRegistry.Default"/>.</param>
    /// <returns>The registry.</returns>
    public static ConverterRegistry Register(ConverterRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(AvroConverter.ClassName, () => new AvroConverter());
        registry.Register("AvroConverter", () => new AvroConverter());
        return registry;
    }

    /// <summary>Registers the converter's descriptor so that connector validation checks its settings.</summary>
    /// <param name="registry">The plugin registry.</param>
    /// <returns>The registry.</returns>
    public static PluginRegistry Register(PluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Register(Descriptor);
    }
}
