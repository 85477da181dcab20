using Parquet;
using Parquet.Schema;

namespace Serverless.Connect.Sinks.S3.Internal.Parquet;

/// <summary>
/// One leaf column of a row group being built: the dense defined values and, when the column is optional or
/// repeated, its definition and repetition levels (Dremel striping done by <see cref="ShredNode"/>).
/// </summary>
internal abstract class ColumnBuffer(DataField dataField)
{
    private int[] _definitions = dataField.MaxDefinitionLevel > 0 ? new int[64] : [];
    private int[] _repetitions = dataField.MaxRepetitionLevel > 0 ? new int[64] : [];

    public DataField Field => dataField;

    public int LevelCount { get; private set; }

    public abstract int ValueCount { get; }

    public abstract long EstimatedBytes { get; }

    public void AddLevels(int definition, int repetition)
    {
        if (_definitions.Length > 0)
        {
            if (LevelCount == _definitions.Length)
            {
                Array.Resize(ref _definitions, _definitions.Length * 2);
            }

            _definitions[LevelCount] = definition;
        }

        if (_repetitions.Length > 0)
        {
            if (LevelCount == _repetitions.Length)
            {
                Array.Resize(ref _repetitions, _repetitions.Length * 2);
            }

            _repetitions[LevelCount] = repetition;
        }

        LevelCount++;
    }

    /// <summary>Appends a defined value, converted from its Connect representation.</summary>
    public abstract void AddValue(object value);

    public (int Values, int Levels) Mark() => (ValueCount, LevelCount);

    public void Reset((int Values, int Levels) mark)
    {
        LevelCount = mark.Levels;
        TruncateValues(mark.Values);
    }

    public abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken);

    public void Clear() => Reset((0, 0));

    protected abstract void TruncateValues(int count);

    // Parquet.Net 6.1 counts a column's rows from its definition levels, so required columns pass zeros.
    protected ReadOnlyMemory<int> Definitions => _definitions.Length > 0
        ? new ReadOnlyMemory<int>(_definitions, 0, LevelCount)
        : new ReadOnlyMemory<int>(ZeroLevels(LevelCount), 0, LevelCount);

    protected ReadOnlyMemory<int>? Repetitions => _repetitions.Length > 0 ? new ReadOnlyMemory<int>(_repetitions, 0, LevelCount) : (ReadOnlyMemory<int>?)null;

    private static int[] s_zeros = [];

    private static int[] ZeroLevels(int count)
    {
        var zeros = s_zeros;
        if (zeros.Length < count)
        {
            zeros = new int[Math.Max(count, zeros.Length * 2)];
            s_zeros = zeros;
        }

        return zeros;
    }
}

/// <summary>A column of values of Parquet.Net's low-level value type <typeparamref name="T"/>.</summary>
internal sealed class ColumnBuffer<T>(DataField dataField, Func<object, T> convert, Func<T, int>? size = null) : ColumnBuffer(dataField)
    where T : struct
{
    private static readonly int s_fixedSize = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
    private T[] _values = new T[64];
    private int _count;
    private long _variableBytes;

    public override int ValueCount => _count;

    public override long EstimatedBytes => ((long)_count * s_fixedSize) + _variableBytes + (LevelCount * 8L);

    public override void AddValue(object value)
    {
        var converted = convert(value);
        if (_count == _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
        }

        _values[_count++] = converted;
        if (size is not null)
        {
            _variableBytes += size(converted);
        }
    }

    public override Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken) =>
        rowGroup.WriteAllPartsAsync<T>(Field, _values.AsMemory(0, _count), Definitions, Repetitions, cancellationToken);

    protected override void TruncateValues(int count)
    {
        if (count < _count)
        {
            Array.Clear(_values, count, _count - count);
        }

        _count = count;
        if (count == 0)
        {
            _variableBytes = 0;
        }
    }
}
