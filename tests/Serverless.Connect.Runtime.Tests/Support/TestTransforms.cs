using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Runtime.Pipeline;
using Serverless.Connect.Transforms;

namespace Serverless.Connect.Runtime.Tests.Support;

/// <summary>Minimal transformations and predicates for pipeline tests.</summary>
internal sealed class TestTransforms : ITransformationFactory
{
    public ITransformation CreateTransformation(string type) => type switch
    {
        "test.Prefix" => new Prefix(),
        "test.Drop" => new Drop(),
        "test.Fail" => new Fail(),
        _ => throw new ConnectException($"Unknown transformation {type}; supported: test.Prefix, test.Drop, test.Fail"),
    };

    public IPredicate CreatePredicate(string type) => type switch
    {
        "test.IsTombstone" => new IsTombstone(),
        _ => throw new ConnectException($"Unknown predicate {type}"),
    };

    public string GetClassName(string type) => "org.example." + type;

    private sealed class Prefix : ITransformation
    {
        private string _prefix = "";

        public void Configure(IReadOnlyDictionary<string, string> config) => _prefix = config["prefix"];

        public ConnectRecord? Apply(ConnectRecord record) => record with { Topic = _prefix + record.Topic };

        public void Dispose()
        {
        }
    }

    private sealed class Drop : ITransformation
    {
        public void Configure(IReadOnlyDictionary<string, string> config)
        {
        }

        public ConnectRecord? Apply(ConnectRecord record) => null;

        public void Dispose()
        {
        }
    }

    private sealed class Fail : ITransformation
    {
        public void Configure(IReadOnlyDictionary<string, string> config)
        {
        }

        public ConnectRecord? Apply(ConnectRecord record) => throw new DataException("Only Struct objects supported for [fail]");

        public void Dispose()
        {
        }
    }

    private sealed class IsTombstone : IPredicate
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
