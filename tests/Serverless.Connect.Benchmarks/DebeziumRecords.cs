using System.Globalization;
using System.Text;

namespace Serverless.Connect.Benchmarks;

/// <summary>Debezium change events as JsonConverter(schemas.enable=false) writes them: about 500 bytes each.</summary>
internal static class DebeziumRecords
{
    public static byte[][] Values(int count)
    {
        var values = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            var id = (1000 + i).ToString(CultureInfo.InvariantCulture);
            var json =
                "{\"before\":null,\"after\":{\"id\":" + id + ",\"customer_id\":" + (i % 97).ToString(CultureInfo.InvariantCulture) +
                ",\"status\":\"CREATED\",\"total\":\"" + (i * 3.25).ToString("F2", CultureInfo.InvariantCulture) +
                "\",\"currency\":\"EUR\",\"note\":\"standard delivery, leave at the door\",\"created_at\":1700000000" +
                (i % 1000).ToString("D3", CultureInfo.InvariantCulture) + "},\"source\":{\"version\":\"2.7.0.Final\",\"connector\":\"postgresql\"," +
                "\"name\":\"cdc.orders\",\"ts_ms\":1700000000000,\"snapshot\":\"false\",\"db\":\"orders\",\"sequence\":\"[null,\\\"23456789\\\"]\"," +
                "\"ts_us\":1700000000000000,\"ts_ns\":1700000000000000000,\"schema\":\"public\",\"table\":\"orders\",\"txId\":" + (5000 + i).ToString(CultureInfo.InvariantCulture) +
                ",\"lsn\":" + (23456789 + i).ToString(CultureInfo.InvariantCulture) + ",\"xmin\":null},\"transaction\":null,\"op\":\"c\"," +
                "\"ts_ms\":1700000000100,\"ts_us\":1700000000100000,\"ts_ns\":1700000000100000000}";
            values[i] = Encoding.UTF8.GetBytes(json);
        }

        return values;
    }

    public static byte[][] Keys(int count)
    {
        var keys = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            keys[i] = Encoding.UTF8.GetBytes("{\"id\":" + (1000 + i).ToString(CultureInfo.InvariantCulture) + "}");
        }

        return keys;
    }
}
