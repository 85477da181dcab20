namespace Serverless.Connect.Sources.Postgres;

/// <summary>Debezium's <c>binary.handling.mode</c> for <c>bytea</c>.</summary>
public enum BinaryHandlingMode
{
    /// <summary><c>bytes</c>: BYTES.</summary>
    Bytes,

    /// <summary><c>base64</c>: STRING, standard base64.</summary>
    Base64,

    /// <summary><c>base64-url-safe</c>: STRING, URL-safe base64.</summary>
    Base64UrlSafe,

    /// <summary><c>hex</c>: STRING, lower-case hexadecimal.</summary>
    Hex,
}
