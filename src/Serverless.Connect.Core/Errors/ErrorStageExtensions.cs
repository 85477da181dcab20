namespace Serverless.Connect.Errors;

/// <summary>Conversions between <see cref="ErrorStage"/> and Kafka Connect's stage names.</summary>
public static class ErrorStageExtensions
{
    /// <summary>Returns Kafka Connect's name for the stage, e.g. <c>VALUE_CONVERTER</c> or <c>KAFKA_PRODUCE</c>.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The Connect stage name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined stage.</exception>
    public static string ToConnectName(this ErrorStage stage) => stage switch
    {
        ErrorStage.KeyConverter => "KEY_CONVERTER",
        ErrorStage.ValueConverter => "VALUE_CONVERTER",
        ErrorStage.HeaderConverter => "HEADER_CONVERTER",
        ErrorStage.Transformation => "TRANSFORMATION",
        ErrorStage.TaskPut => "TASK_PUT",
        ErrorStage.TaskPoll => "TASK_POLL",
        ErrorStage.Producer => "KAFKA_PRODUCE",
        ErrorStage.Consumer => "KAFKA_CONSUME",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown error stage."),
    };

    /// <summary>Parses a Kafka Connect stage name such as <c>TRANSFORMATION</c>.</summary>
    /// <param name="name">The Connect stage name (case-sensitive, as Connect writes it).</param>
    /// <param name="stage">The parsed stage.</param>
    /// <returns><see langword="true"/> if the name is a known stage.</returns>
    public static bool TryParseConnectName(string? name, out ErrorStage stage)
    {
        foreach (var candidate in Enum.GetValues<ErrorStage>())
        {
            if (string.Equals(candidate.ToConnectName(), name, StringComparison.Ordinal))
            {
                stage = candidate;
                return true;
            }
        }

        stage = default;
        return false;
    }
}
