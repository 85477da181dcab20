using System.Collections.Concurrent;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Runtime.Errors;

/// <summary>
/// Maps .NET exceptions to the Java class names Kafka Connect would report for the same failure (the
/// <c>__connect.errors.exception.class.name</c> header and stack-trace text), e.g. <see cref="DataException"/> →
/// <c>org.apache.kafka.connect.errors.DataException</c>.
/// </summary>
/// <remarks>
/// A type without its own mapping uses its nearest mapped base class below <see cref="Exception"/> and
/// <see cref="SystemException"/>; a type with none reports its .NET full name. Other assemblies add their exceptions with
/// <see cref="Register"/>.
/// </remarks>
public static class JavaExceptionNames
{
    private static readonly ConcurrentDictionary<Type, string> s_names = new(
    [
        new(typeof(ConnectException), "org.apache.kafka.connect.errors.ConnectException"),
        new(typeof(RetriableException), "org.apache.kafka.connect.errors.RetriableException"),
        new(typeof(DataException), "org.apache.kafka.connect.errors.DataException"),
        new(typeof(SchemaBuilderException), "org.apache.kafka.connect.errors.SchemaBuilderException"),
        new(typeof(ConverterConfigException), "org.apache.kafka.common.config.ConfigException"),
        new(typeof(Configuration.ConfigException), "org.apache.kafka.common.config.ConfigException"),
        new(typeof(Text.JavaPatternSyntaxException), "java.util.regex.PatternSyntaxException"),
        new(typeof(ArgumentException), "java.lang.IllegalArgumentException"),
        new(typeof(ArgumentOutOfRangeException), "java.lang.IllegalArgumentException"),
        new(typeof(IndexOutOfRangeException), "java.lang.ArrayIndexOutOfBoundsException"),
        new(typeof(InvalidOperationException), "java.lang.IllegalStateException"),
        new(typeof(NullReferenceException), "java.lang.NullPointerException"),
        new(typeof(ArgumentNullException), "java.lang.NullPointerException"),
        new(typeof(InvalidCastException), "java.lang.ClassCastException"),
        new(typeof(NotSupportedException), "java.lang.UnsupportedOperationException"),
        new(typeof(NotImplementedException), "java.lang.UnsupportedOperationException"),
        new(typeof(FormatException), "java.lang.NumberFormatException"),
        new(typeof(OverflowException), "java.lang.ArithmeticException"),
        new(typeof(DivideByZeroException), "java.lang.ArithmeticException"),
        new(typeof(KeyNotFoundException), "java.util.NoSuchElementException"),
        new(typeof(IOException), "java.io.IOException"),
        new(typeof(TimeoutException), "org.apache.kafka.common.errors.TimeoutException"),
        new(typeof(OutOfMemoryException), "java.lang.OutOfMemoryError"),
        new(typeof(StackOverflowException), "java.lang.StackOverflowError"),
    ]);

    /// <summary>Registers (or replaces) the Java class name reported for an exception type and its subclasses.</summary>
    /// <param name="exceptionType">The .NET exception type.</param>
    /// <param name="javaClassName">The Java class name.</param>
    public static void Register(Type exceptionType, string javaClassName)
    {
        ArgumentNullException.ThrowIfNull(exceptionType);
        ArgumentException.ThrowIfNullOrWhiteSpace(javaClassName);
        if (!typeof(Exception).IsAssignableFrom(exceptionType))
        {
            throw new ArgumentException($"{exceptionType} is not an exception type.", nameof(exceptionType));
        }

        s_names[exceptionType] = javaClassName;
    }

    /// <summary>The Java class name Connect would report for an exception.</summary>
    /// <param name="error">The exception.</param>
    /// <returns>The class name.</returns>
    public static string Of(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        for (var type = error.GetType(); type is not null && type != typeof(Exception) && type != typeof(SystemException); type = type.BaseType)
        {
            if (s_names.TryGetValue(type, out var name))
            {
                return name;
            }
        }

        return error.GetType() == typeof(Exception) ? "java.lang.Exception" : error.GetType().FullName ?? error.GetType().Name;
    }
}
