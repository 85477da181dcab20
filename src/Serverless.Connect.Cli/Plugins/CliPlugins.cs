using Serverless.Connect.Cli.Records;
using Serverless.Connect.Configuration.Plugins;
using Serverless.Connect.Converters;
using Serverless.Connect.Converters.Avro;
using Serverless.Connect.Sinks.Elasticsearch;
using Serverless.Connect.Sinks.S3;
using Serverless.Connect.Sources.Postgres;
using Serverless.Connect.Transforms.Chain;

namespace Serverless.Connect.Cli.Plugins;

/// <summary>Everything <c>./connect</c> can run: connectors of the projects that exist, converters, transformations and predicates.</summary>
internal static class CliPlugins
{
    private const string SimpleHeaderConverter = "org.apache.kafka.connect.storage.SimpleHeaderConverter";

    public static TransformRegistry Transforms => TransformRegistry.Default;

    /// <summary>The built-in converters plus the Avro converter, the same registry the hosts resolve converters from.</summary>
    public static ConverterRegistry Converters => HostConverters.Registry;

    public static PluginRegistry Create(bool withFragment = false)
    {
        var registry = new PluginRegistry();
        ElasticsearchSinkPlugin.Register(registry);
        S3SinkPlugin.Register(registry);
        registry.Register(PostgresConnectorConfigDef.CreateDescriptor());
        foreach (var converter in new[] { ConverterRegistry.JsonConverterClass, ConverterRegistry.StringConverterClass, ConverterRegistry.ByteArrayConverterClass })
        {
            // Header converter lookups also accept converters, as Connect's do.
            registry.Register(new PluginDescriptor(converter, PluginKind.Converter));
        }

        AvroConverterPlugin.Register(registry);
        registry.Register(new PluginDescriptor(SimpleHeaderConverter, PluginKind.HeaderConverter));
        Transforms.RegisterInto(registry);
        if (withFragment)
        {
            registry.Register(new PluginDescriptor(ConfigFiles.FragmentClass, PluginKind.Sink));
        }

        return registry;
    }
}
