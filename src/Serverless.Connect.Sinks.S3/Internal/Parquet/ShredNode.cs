using System.Collections;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Sinks.S3.Internal.Parquet;

/// <summary>
/// A node of the Connect-schema tree that stripes values into leaf columns (Dremel): every leaf gets one level entry
/// per slot; a value only where the leaf is defined. Levels mirror Parquet.Net's: optional leaves +1, structs +1
/// (Parquet.Net writes every group optional), lists and maps +1 for the group and +1 (and one repetition level) for
/// the repeated entry.
/// </summary>
internal abstract class ShredNode
{
    public abstract void Shred(object? value, int parentDefinition, int repetition);

    public abstract void AddNulls(int definition, int repetition);

    public abstract IEnumerable<ColumnBuffer> Leaves { get; }
}

internal sealed class LeafNode(ColumnBuffer column, int definition, string path) : ShredNode
{
    public override IEnumerable<ColumnBuffer> Leaves => [column];

    public override void Shred(object? value, int parentDefinition, int repetition)
    {
        if (value is null)
        {
            if (definition == parentDefinition)
            {
                throw new DataException($"Invalid value: null used for required field: \"{path}\"");
            }

            column.AddLevels(parentDefinition, repetition);
            return;
        }

        try
        {
            column.AddValue(value);
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException or ArgumentException)
        {
            throw new DataException($"Invalid value {value} ({value.GetType().Name}) for Parquet column \"{path}\": {e.Message}", e);
        }

        column.AddLevels(definition, repetition);
    }

    public override void AddNulls(int definitionLevel, int repetition) => column.AddLevels(definitionLevel, repetition);
}

internal sealed class StructNode(Schema schema, ShredNode[] children, int definition) : ShredNode
{
    public override IEnumerable<ColumnBuffer> Leaves => children.SelectMany(c => c.Leaves);

    public override void Shred(object? value, int parentDefinition, int repetition)
    {
        if (value is null)
        {
            AddNulls(parentDefinition, repetition);
            return;
        }

        ShredFields((Struct)value, definition, repetition);
    }

    public void ShredFields(Struct value, int definitionLevel, int repetition)
    {
        var fields = schema.Fields;
        for (var i = 0; i < children.Length; i++)
        {
            children[i].Shred(value.Get(fields[i]), definitionLevel, repetition);
        }
    }

    public override void AddNulls(int definitionLevel, int repetition)
    {
        foreach (var child in children)
        {
            child.AddNulls(definitionLevel, repetition);
        }
    }
}

internal sealed class ListNode(ShredNode element, int definition, int repeated) : ShredNode
{
    public override IEnumerable<ColumnBuffer> Leaves => element.Leaves;

    public override void Shred(object? value, int parentDefinition, int repetition)
    {
        if (value is null)
        {
            AddNulls(parentDefinition, repetition);
            return;
        }

        var first = true;
        foreach (var item in (IEnumerable)value)
        {
            element.Shred(item, definition + 1, first ? repetition : repeated);
            first = false;
        }

        if (first)
        {
            element.AddNulls(definition, repetition);
        }
    }

    public override void AddNulls(int definitionLevel, int repetition) => element.AddNulls(definitionLevel, repetition);
}

internal sealed class MapNode(ShredNode key, ShredNode value, int definition, int repeated) : ShredNode
{
    public override IEnumerable<ColumnBuffer> Leaves => key.Leaves.Concat(value.Leaves);

    public override void Shred(object? map, int parentDefinition, int repetition)
    {
        if (map is null)
        {
            AddNulls(parentDefinition, repetition);
            return;
        }

        var first = true;
        if (map is IReadOnlyDictionary<object, object?> entries)
        {
            foreach (var (k, v) in entries)
            {
                Entry(k, v, ref first, repetition);
            }
        }
        else
        {
            foreach (DictionaryEntry entry in (IDictionary)map)
            {
                Entry(entry.Key, entry.Value, ref first, repetition);
            }
        }

        if (first)
        {
            AddNulls(definition, repetition);
        }
    }

    private void Entry(object? k, object? v, ref bool first, int repetition)
    {
        var r = first ? repetition : repeated;
        key.Shred(k, definition + 1, r);
        value.Shred(v, definition + 1, r);
        first = false;
    }

    public override void AddNulls(int definitionLevel, int repetition)
    {
        key.AddNulls(definitionLevel, repetition);
        value.AddNulls(definitionLevel, repetition);
    }
}
