namespace Serverless.Connect.Sinks.Elasticsearch.Tests.Contract;

/// <summary>Scripted failures of the contract server; all members may be changed while it runs.</summary>
public sealed class ContractFaults
{
    private readonly Lock _lock = new();
    private Random _random = new(1);
    private int _failNext;
    private int _failNextStatus = 503;

    /// <summary>Fraction (0..1) of bulk requests answered with <see cref="RequestFailureStatus"/> as a whole.</summary>
    public double RequestFailureRate { get; set; }

    /// <summary>The whole-request status used by <see cref="RequestFailureRate"/>.</summary>
    public int RequestFailureStatus { get; set; } = 429;

    /// <summary>Fraction (0..1) of bulk items answered with 429 <c>es_rejected_execution_exception</c>.</summary>
    public double ItemRejectionRate { get; set; }

    /// <summary>When true every request's connection is reset without a response.</summary>
    public bool Outage { get; set; }

    /// <summary>Per-item script: return an error to fail that item, or null to apply it.</summary>
    public Func<BulkItemContext, InjectedError?>? ItemFault { get; set; }

    /// <summary>Seeds the random choices so a run is reproducible.</summary>
    public void Seed(int seed)
    {
        lock (_lock)
        {
            _random = new Random(seed);
        }
    }

    /// <summary>Answers the next <paramref name="count"/> bulk requests with <paramref name="status"/>.</summary>
    public void FailNextRequests(int count, int status)
    {
        lock (_lock)
        {
            _failNext = count;
            _failNextStatus = status;
        }
    }

    internal int? NextRequestFailure()
    {
        lock (_lock)
        {
            if (_failNext > 0)
            {
                _failNext--;
                return _failNextStatus;
            }

            return RequestFailureRate > 0 && _random.NextDouble() < RequestFailureRate ? RequestFailureStatus : null;
        }
    }

    internal bool RejectItem()
    {
        lock (_lock)
        {
            return ItemRejectionRate > 0 && _random.NextDouble() < ItemRejectionRate;
        }
    }
}
