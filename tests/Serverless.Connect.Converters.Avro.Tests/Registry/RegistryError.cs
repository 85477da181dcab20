namespace Serverless.Connect.Converters.Avro.Tests.Registry;

/// <summary>An error answer in Confluent's shape: HTTP status plus <c>{"error_code": …, "message": …}</c>.</summary>
internal sealed record RegistryError(int Status, int ErrorCode, string Message)
{
    public static RegistryError SubjectNotFound(string subject) => new(404, 40401, $"Subject '{subject}' not found.");

    public static RegistryError VersionNotFound(string version) => new(404, 40402, $"Version {version} not found.");

    public static RegistryError SchemaNotFound() => new(404, 40403, "Schema not found");

    public static RegistryError SchemaIdNotFound(int id) => new(404, 40403, $"Schema {id} not found");

    public static RegistryError InvalidSchema(string detail) => new(422, 42201, $"Either the input schema or one of its references is invalid: {detail}");

    public static RegistryError InvalidVersion(string version) => new(422, 42202, $"The specified version '{version}' is not a valid version id.");
}
