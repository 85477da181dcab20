namespace Serverless.Connect.Sinks.S3;

/// <summary>How a schema change inside an open file is handled (<c>schema.compatibility</c>).</summary>
public enum SchemaCompatibility
{
    /// <summary>Any change rotates the file.</summary>
    None,

    /// <summary>A newer version rotates; records with an older version are projected onto the current schema.</summary>
    Backward,

    /// <summary>An older version rotates; records with a newer version are projected onto the current schema.</summary>
    Forward,

    /// <summary>Like <see cref="Backward"/>.</summary>
    Full,
}
