using Serverless.Connect.Errors;

namespace Serverless.Connect.Core.Tests.Errors;

public sealed class ConnectExceptionTests
{
    [Fact]
    public void Message_IncludesRecordContext()
    {
        var e = new DataException("Bad value", ErrorRecordContext.ForRecord("orders", 3, 42));

        Assert.Equal("Bad value [topic=orders, partition=3, offset=42]", e.Message);
        Assert.Equal("Bad value", e.Reason);
        Assert.Equal("orders", e.RecordContext!.Topic);
    }

    [Fact]
    public void Message_IncludesLsn()
    {
        var e = new RetriableException("Slot busy", ErrorRecordContext.ForLsn("0/16B3748"));
        Assert.Equal("Slot busy [lsn=0/16B3748]", e.Message);
    }

    [Fact]
    public void Message_WithoutContext_IsUnchanged()
    {
        Assert.Equal("plain", new ConnectException("plain").Message);
        Assert.Equal("plain", new ConnectException("plain", new ErrorRecordContext()).Message);
    }

    [Fact]
    public void Hierarchy_AndTransience()
    {
        var inner = new InvalidOperationException("cause");

        Assert.IsAssignableFrom<ConnectException>(new DataException("x"));
        Assert.IsAssignableFrom<ConnectException>(new RetriableException("x"));
        Assert.IsAssignableFrom<DataException>(new SchemaBuilderException("x"));
        Assert.True(new RetriableException("x").IsTransient);
        Assert.False(new DataException("x").IsTransient);
        Assert.Same(inner, new ConnectException("x", inner).InnerException);
        Assert.Same(inner, new DataException("x", ErrorRecordContext.ForLsn("1"), inner).InnerException);
    }

    [Theory]
    [InlineData(ErrorStage.KeyConverter, "KEY_CONVERTER")]
    [InlineData(ErrorStage.ValueConverter, "VALUE_CONVERTER")]
    [InlineData(ErrorStage.HeaderConverter, "HEADER_CONVERTER")]
    [InlineData(ErrorStage.Transformation, "TRANSFORMATION")]
    [InlineData(ErrorStage.TaskPut, "TASK_PUT")]
    [InlineData(ErrorStage.TaskPoll, "TASK_POLL")]
    [InlineData(ErrorStage.Producer, "KAFKA_PRODUCE")]
    [InlineData(ErrorStage.Consumer, "KAFKA_CONSUME")]
    public void Stage_HasConnectName(ErrorStage stage, string name)
    {
        Assert.Equal(name, stage.ToConnectName());
        Assert.True(ErrorStageExtensions.TryParseConnectName(name, out var parsed));
        Assert.Equal(stage, parsed);
    }

    [Fact]
    public void UnknownStageName_DoesNotParse() => Assert.False(ErrorStageExtensions.TryParseConnectName("PRODUCER", out _));
}
