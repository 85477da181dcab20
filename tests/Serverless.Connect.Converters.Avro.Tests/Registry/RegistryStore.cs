using System.Text.Json.Nodes;

namespace Serverless.Connect.Converters.Avro.Tests.Registry;

/// <summary>
/// The registry's state: globally numbered schemas (an identical schema keeps its id across subjects, as in Confluent's
/// registry) and per-subject version lists. Identity ignores whitespace only, as the real registry compares its own
/// re-rendering of the schema.
/// </summary>
internal sealed class RegistryStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, string> _schemasById = [];
    private readonly Dictionary<string, int> _idsByCanonical = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SubjectVersion>> _subjects = new(StringComparer.Ordinal);
    private int _nextId = 1;

    public string Compatibility { get; set; } = "BACKWARD";

    public IReadOnlyList<string> Subjects
    {
        get
        {
            lock (_lock)
            {
                return [.. _subjects.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Registers a schema (already validated) and returns its id; registering it again returns the same id.</summary>
    public int Register(string subject, string schema)
    {
        var canonical = Canonical(schema);
        lock (_lock)
        {
            if (!_idsByCanonical.TryGetValue(canonical, out var id))
            {
                id = _nextId++;
                _idsByCanonical[canonical] = id;
                _schemasById[id] = schema;
            }

            if (!_subjects.TryGetValue(subject, out var versions))
            {
                versions = [];
                _subjects[subject] = versions;
            }

            if (!versions.Any(v => v.Id == id))
            {
                versions.Add(new SubjectVersion(subject, versions.Count + 1, id, _schemasById[id]));
            }

            return id;
        }
    }

    public string? SchemaById(int id)
    {
        lock (_lock)
        {
            return _schemasById.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<SubjectVersion>? Versions(string subject)
    {
        lock (_lock)
        {
            return _subjects.TryGetValue(subject, out var versions) ? [.. versions] : null;
        }
    }

    /// <summary>Finds a schema in a subject: the version, or why it is not there.</summary>
    public (SubjectVersion? Found, RegistryError? Error) Lookup(string subject, string schema)
    {
        var canonical = Canonical(schema);
        lock (_lock)
        {
            if (!_subjects.TryGetValue(subject, out var versions))
            {
                return (null, RegistryError.SubjectNotFound(subject));
            }

            var match = _idsByCanonical.TryGetValue(canonical, out var id) ? versions.FirstOrDefault(v => v.Id == id) : null;
            return match is null ? (null, RegistryError.SchemaNotFound()) : (match, null);
        }
    }

    private static string Canonical(string schema) => JsonNode.Parse(schema)?.ToJsonString() ?? schema;
}
