using System.Runtime.InteropServices;
using System.Text;
using Confluent.Kafka;
using Serverless.Connect.Kafka.Mock.Internal;

namespace Serverless.Connect.Kafka.Mock;

/// <summary>
/// An in-process Kafka-protocol cluster backed by librdkafka's mock brokers. It listens on 127.0.0.1 with real TCP
/// sockets, so any Kafka client (our services, kcat) can produce, consume and use consumer groups against it.
/// </summary>
/// <remarks>
/// The mock keeps only the newest few MiB per partition, and it has no CreateTopics handler in some librdkafka builds:
/// create topics with more than the default partition count through <see cref="CreateTopic"/>.
/// </remarks>
public sealed class MockKafkaCluster : IDisposable
{
    private readonly nint _handle;
    private readonly nint _cluster;
    private readonly Lock _lock = new();
    private bool _disposed;

    private MockKafkaCluster(nint handle, nint cluster, int brokerCount, string bootstrapServers)
    {
        _handle = handle;
        _cluster = cluster;
        BrokerCount = brokerCount;
        BootstrapServers = bootstrapServers;
    }

    /// <summary>Gets the comma-separated host:port list of the mock brokers.</summary>
    public string BootstrapServers { get; }

    /// <summary>Gets the number of brokers; their ids are 1 to <see cref="BrokerCount"/>.</summary>
    public int BrokerCount { get; }

    /// <summary>Starts a mock cluster with <paramref name="brokerCount"/> brokers on 127.0.0.1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="brokerCount"/> is not between 1 and 32.</exception>
    /// <exception cref="KafkaException">When librdkafka cannot create the cluster.</exception>
    public static MockKafkaCluster Start(int brokerCount = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokerCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(brokerCount, 32);

        NativeLibraryLocator.Install();

        var errstr = new byte[512];
        var conf = LibRdKafkaMock.ConfNew();
        // The handle only owns the mock cluster; it never talks to a broker itself.
        if (LibRdKafkaMock.ConfSet(conf, "client.id", "serverless-connect-mock", errstr, (nuint)errstr.Length) != LibRdKafkaMock.ConfOk ||
            LibRdKafkaMock.ConfSet(conf, "log_level", "3", errstr, (nuint)errstr.Length) != LibRdKafkaMock.ConfOk)
        {
            LibRdKafkaMock.ConfDestroy(conf);
            throw new KafkaException(new Error(ErrorCode.Local_InvalidArg, ReadError(errstr)));
        }

        // rd_kafka_new takes ownership of conf on success only.
        var handle = LibRdKafkaMock.KafkaNew(LibRdKafkaMock.ProducerType, conf, errstr, (nuint)errstr.Length);
        if (handle == 0)
        {
            LibRdKafkaMock.ConfDestroy(conf);
            throw new KafkaException(new Error(ErrorCode.Local_Fail, ReadError(errstr)));
        }

        var cluster = LibRdKafkaMock.MockClusterNew(handle, brokerCount);
        if (cluster == 0)
        {
            LibRdKafkaMock.KafkaDestroy(handle);
            throw new KafkaException(new Error(ErrorCode.Local_Fail, "rd_kafka_mock_cluster_new failed"));
        }

        var bootstraps = Marshal.PtrToStringUTF8(LibRdKafkaMock.MockClusterBootstraps(cluster)) ?? string.Empty;
        return new MockKafkaCluster(handle, cluster, brokerCount, bootstraps);
    }

    /// <summary>Creates a topic with an explicit partition count and replication factor.</summary>
    /// <exception cref="KafkaException">When the mock refuses the topic (for example, it already exists).</exception>
    public void CreateTopic(string name, int partitions, int replicationFactor = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        var rf = Math.Clamp(replicationFactor, 1, BrokerCount);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Check(LibRdKafkaMock.MockTopicCreate(_cluster, name, partitions, rf), $"create topic '{name}'");
        }
    }

    /// <summary>Takes a broker down: its connections are closed and new ones refused until <see cref="SetBrokerUp"/>.</summary>
    public void SetBrokerDown(int brokerId)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Check(LibRdKafkaMock.MockBrokerSetDown(_cluster, brokerId), $"set broker {brokerId} down");
        }
    }

    /// <summary>Brings a broker that was taken down back up.</summary>
    public void SetBrokerUp(int brokerId)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Check(LibRdKafkaMock.MockBrokerSetUp(_cluster, brokerId), $"set broker {brokerId} up");
        }
    }

    /// <summary>Makes the next requests of one API (a Kafka ApiKey, for example 0 for Produce) fail with these errors, in order.</summary>
    public void PushRequestErrors(short apiKey, params ErrorCode[] errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var codes = Array.ConvertAll(errors, e => (int)e);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            LibRdKafkaMock.MockPushRequestErrorsArray(_cluster, apiKey, (nuint)codes.Length, codes);
        }
    }

    /// <summary>Removes request errors that were pushed for one API and not yet returned.</summary>
    public void ClearRequestErrors(short apiKey)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            LibRdKafkaMock.MockClearRequestErrors(_cluster, apiKey);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            LibRdKafkaMock.MockClusterDestroy(_cluster);
            LibRdKafkaMock.KafkaDestroy(_handle);
        }
    }

    private static void Check(int err, string what)
    {
        if (err != 0)
        {
            var message = Marshal.PtrToStringUTF8(LibRdKafkaMock.ErrorToString(err)) ?? err.ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new KafkaException(new Error((ErrorCode)err, $"Mock cluster could not {what}: {message}"));
        }
    }

    private static string ReadError(byte[] errstr)
    {
        var end = Array.IndexOf(errstr, (byte)0);
        return Encoding.UTF8.GetString(errstr, 0, end < 0 ? errstr.Length : end);
    }
}
