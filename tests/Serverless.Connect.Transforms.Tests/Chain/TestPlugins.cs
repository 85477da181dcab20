using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Transforms.Chain;

namespace Serverless.Connect.Transforms.Tests.Chain;

/// <summary>Instrumented plugins for chain tests: they record what they saw, and fail or dispose on request.</summary>
internal sealed class TestPlugins
{
    public const string Recording = "test.Recording";
    public const string Failing = "test.Failing";
    public const string FlagPredicate = "test.FlagPredicate";
    public const string FailingPredicate = "test.FailingPredicate";

    public List<string> Seen { get; } = [];

    public List<IDictionary<string, string>> Configs { get; } = [];

    public List<object> Created { get; } = [];

    public List<object> Disposed { get; } = [];

    public Func<Exception> Failure { get; set; } = () => new InvalidOperationException("boom");

    public TransformRegistry Registry()
    {
        var registry = TransformRegistry.CreateWithBuiltIns();
        registry.Register(TransformPlugin.Transformation(Recording, new ConfigDef(), () => Track(new RecordingTransform(this))));
        registry.Register(TransformPlugin.Transformation(Failing, new ConfigDef(), () => Track(new FailingTransform(this))));
        registry.Register(TransformPlugin.Predicate(FlagPredicate, new ConfigDef(), () => Track(new HeaderFlagPredicate(this))));
        registry.Register(TransformPlugin.Predicate(FailingPredicate, new ConfigDef(), () => Track(new FailingPredicateImpl(this))));
        return registry;
    }

    private T Track<T>(T plugin)
        where T : class
    {
        Created.Add(plugin);
        return plugin;
    }

    /// <summary>Appends its <c>tag</c> setting to <see cref="Seen"/> and a header with that name to the record.</summary>
    private sealed class RecordingTransform(TestPlugins owner) : ITransformation
    {
        private string _tag = "";

        public void Configure(IReadOnlyDictionary<string, string> config)
        {
            owner.Configs.Add(new Dictionary<string, string>(config));
            if (config.TryGetValue("fail.configure", out var fail) && fail == "true")
            {
                throw new ConfigException("tag", "x", "configured to fail") { Key = "tag" };
            }

            _tag = config.GetValueOrDefault("tag", "");
        }

        public ConnectRecord? Apply(ConnectRecord record)
        {
            owner.Seen.Add(_tag + ":" + record.Topic);
            return record with { Headers = record.Headers.AddString(_tag, record.Topic) };
        }

        public void Dispose() => owner.Disposed.Add(this);
    }

    private sealed class FailingTransform(TestPlugins owner) : ITransformation
    {
        public void Configure(IReadOnlyDictionary<string, string> config)
        {
        }

        public ConnectRecord? Apply(ConnectRecord record) => throw owner.Failure();

        public void Dispose()
        {
            owner.Disposed.Add(this);
            throw new InvalidOperationException("dispose failure must not stop the others");
        }
    }

    /// <summary>True when the record has a header named by its <c>header</c> setting.</summary>
    private sealed class HeaderFlagPredicate(TestPlugins owner) : IPredicate
    {
        private string _header = "";

        public void Configure(IReadOnlyDictionary<string, string> config)
        {
            owner.Configs.Add(new Dictionary<string, string>(config));
            _header = config.GetValueOrDefault("header", "flag");
        }

        public bool Test(ConnectRecord record) => record.Headers.ContainsKey(_header);

        public void Dispose() => owner.Disposed.Add(this);
    }

    private sealed class FailingPredicateImpl(TestPlugins owner) : IPredicate
    {
        public void Configure(IReadOnlyDictionary<string, string> config)
        {
        }

        public bool Test(ConnectRecord record) => throw owner.Failure();

        public void Dispose() => owner.Disposed.Add(this);
    }
}
