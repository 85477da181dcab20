namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>One <c>table.fields.additional.placement</c> entry: <c>column:placement[:alias]</c>.</summary>
internal sealed record AdditionalField(AdditionalFieldPlacement Placement, string Field, string Alias)
{
    public static IReadOnlyList<AdditionalField> Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var result = new List<AdditionalField>();
        foreach (var entry in text.Split(','))
        {
            if (entry.Trim().Length == 0)
            {
                continue;
            }

            var parts = entry.Split(':').Select(p => p.Trim()).ToArray();
            if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0) || ParsePlacement(parts[1]) is not { } placement)
            {
                throw new FormatException(
                    $"'{entry.Trim()}' is not of the form column:placement[:alias] with placement header, envelope or partition");
            }

            result.Add(new AdditionalField(placement, parts[0], parts.Length == 3 ? parts[2] : parts[0]));
        }

        return result;
    }

    private static AdditionalFieldPlacement? ParsePlacement(string text) => text.ToLowerInvariant() switch
    {
        "header" => AdditionalFieldPlacement.Header,
        "envelope" => AdditionalFieldPlacement.Envelope,
        "partition" => AdditionalFieldPlacement.Partition,
        _ => null,
    };
}
