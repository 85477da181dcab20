using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Transforms;
using Serverless.Connect.Transforms.Chain;

namespace Serverless.Connect.Runtime.Tests.Support;

/// <summary>Minimal transformations and predicates for pipeline tests.</summary>
internal static class TestTransforms
{
    public const string Prefix = "org.example.test.Prefix";
    public const string Drop = "org.example.test.Drop";
    public const string Fail = "org.example.test.Fail";
    public const string IsTombstone = "org.example.test.IsTombstone";
    public const string Flaky = "org.example.test.Flaky";

    public static TransformRegistry Registry { get; } = new TransformRegistry()
        .Register(TransformPlugin.Transformation(Prefix, new ConfigDef().Define("prefix", ConfigType.String, Importance.High, "Topic prefix."), () => new PrefixTransform()))
        .Register(TransformPlugin.Transformation(Drop, new ConfigDef(), () => new DropTransform()))
        .Register(TransformPlugin.Transformation(Fail, new ConfigDef(), () => new FailTransform()))
        .Register(TransformPlugin.Transformation(Flaky, new ConfigDef().Define("failures", ConfigType.Int, Importance.High, "Failures before success."), () => new FlakyTransform()))
        .Register(TransformPlugin.Predicate(IsTombstone, new ConfigDef(), () => new IsTombstonePredicate()));

    private sealed class PrefixTransform : ITransformation
    {
        private string _prefix = "";

        public void Configure(IReadOnlyDictionary<string, string> config) => _prefix = config["prefix"];

        public ConnectRecord? Apply(ConnectRecord record) => record with { Topic = _prefix + record.Topic };

        public void Dispose()
        {
        }
    }

    /// <summary>Throws <see cref="RetriableException"/> for the first <c>failures</c> calls of each instance, then passes records through.</summary>
    private sealed class FlakyTransform : ITransformation
    {
        private int _remaining;

        public void Configure(IReadOnlyDictionary<string, string> config) => _remaining = int.Parse(config["failures"], System.Globalization.CultureInfo.InvariantCulture);

        public ConnectRecord? Apply(ConnectRecord record) =>
            Interlocked.Decrement(ref _remaining) >= 0 ? throw new RetriableException("index is read-only") : record;

        public void Dispose()
        {
        }
    }

    private sealed class DropTransform : ITransformation
    {
        public void Configure(IReadOnlyDictionary<string, string> config)
        {
        }

        public ConnectRecord? Apply(ConnectRecord record) => null;

        public void Dispose()
        {
        }
    }

    private sealed class FailTransform : ITransformation
    {
        public void Configure(IReadOnlyDictionary<string, string> config)
        {
        }

        public ConnectRecord? Apply(ConnectRecord record) => throw new DataException("Only Struct objects supported for [fail]");

        public void Dispose()
        {
        }
    }

    private sealed class IsTombstonePredicate : IPredicate
    {
        public void Configure(IReadOnlyDictionary<string, string> config)
        {
        }

        public bool Test(ConnectRecord record) => record.Value is null;

        public void Dispose()
        {
        }
    }
}
