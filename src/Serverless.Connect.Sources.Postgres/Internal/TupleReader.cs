using Npgsql.Replication.PgOutput;

namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>Copies a replication tuple into our own values; Npgsql reuses the tuple on the next message.</summary>
internal static class TupleReader
{
    public static async ValueTask<RawValue[]> ReadAsync(ReplicationTuple tuple, CancellationToken cancellationToken)
    {
        var values = new RawValue[tuple.NumColumns];
        var i = 0;
        await foreach (var value in tuple.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (value.Kind == TupleDataKind.Null)
            {
                values[i++] = RawValue.Null;
            }
            else if (value.Kind == TupleDataKind.UnchangedToastedValue)
            {
                values[i++] = RawValue.UnchangedToast;
            }
            else
            {
                values[i++] = new RawValue(RawValueKind.Text, await value.Get<string>(cancellationToken).ConfigureAwait(false));
            }
        }

        return values;
    }
}
