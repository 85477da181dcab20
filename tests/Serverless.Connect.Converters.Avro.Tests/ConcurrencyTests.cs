using Serverless.Connect.Data;

namespace Serverless.Connect.Converters.Avro.Tests;

/// <summary>One converter used from many threads, including the first (registry-calling) use and a blocking caller's context.</summary>
public sealed class ConcurrencyTests : IClassFixture<RegistryFixture>
{
    private readonly RegistryFixture _registry;

    public ConcurrencyTests(RegistryFixture registry)
    {
        _registry = registry;
    }

    [Fact]
    public void ColdConverter_UsedFromManyThreads_RegistersOnce_AndAgrees()
    {
        using var converter = TestConverters.Create(_registry.Server);
        var topic = TestConverters.Topic();
        var schema = SchemaBuilder.Struct().Name("concurrency.Row").Version(1).Field("n", Schema.Int32Schema).Build();
        const int Threads = 8;
        const int PerThread = 16;
        var back = new object?[Threads * PerThread];

        // Dedicated threads, like Connect task threads, all starting at once on a converter that has cached nothing yet.
        RunOnThreads(Threads, t =>
        {
            var written = new byte[PerThread][];
            for (var i = 0; i < PerThread; i++)
            {
                written[i] = converter.FromConnectData(topic, schema, new StructBuilder(schema).Put("n", (t * PerThread) + i).Build())!;
            }

            for (var i = 0; i < PerThread; i++)
            {
                back[(t * PerThread) + i] = ((Struct)converter.ToConnectData(topic, written[i]).Value!).Get("n");
            }
        });

        Assert.Equal(1, _registry.Server.CountRequests($"POST /subjects/{topic}-value/versions"));
        Assert.Equal(1, _registry.Server.CountRequests($"POST /subjects/{topic}-value?"));
        Assert.Equal(Enumerable.Range(0, back.Length).Cast<object?>(), back);
    }

    [Fact]
    public void SynchronousCall_UnderANonPumpingSynchronizationContext_DoesNotDeadlock()
    {
        using var converter = TestConverters.Create(_registry.Server);
        var topic = TestConverters.Topic();
        Exception? failure = null;
        byte[]? bytes = null;
        var thread = new Thread(() =>
        {
            // Anything posted to this context would never run: a converter that awaited on it would hang here.
            SynchronizationContext.SetSynchronizationContext(new NonPumpingContext());
            try
            {
                bytes = converter.FromConnectData(topic, Schema.StringSchema, "from a UI-like thread");
            }
            catch (Exception e)
            {
                failure = e;
            }
        });

        thread.Start();
        var finished = thread.Join(TimeSpan.FromMinutes(2));

        Assert.True(finished, "the synchronous call did not return");
        Assert.Null(failure);
        Assert.Equal("from a UI-like thread", converter.ToConnectData(topic, bytes).Value);
    }

    private static void RunOnThreads(int count, Action<int> body)
    {
        using var start = new Barrier(count);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, count).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                body(t);
            }
            catch (Exception e)
            {
                failures.Enqueue(e);
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        Assert.Empty(failures);
    }

    private sealed class NonPumpingContext : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state)
        {
        }

        public override void Send(SendOrPostCallback d, object? state)
        {
        }
    }
}
