namespace Serverless.Connect.Deployment;

/// <summary>What a connector becomes when deployed.</summary>
public enum ConnectorRole
{
    /// <summary>A Debezium PostgreSQL source: runs in the single-replica cdc-reader.</summary>
    CdcSource,

    /// <summary>A sink: a consumer-group Deployment scaled by KEDA on lag (or an Azure Function).</summary>
    Sink,
}
