using System.Globalization;
using System.Text;

namespace Serverless.Connect.Benchmarks;

/// <summary>Flat-ish JSON documents of about 500 bytes (strings, numbers, a boolean, an array, a nested object), as a CDC-fed index holds.</summary>
internal static class SinkDocuments
{
    public static byte[][] Values(int count)
    {
        var values = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            var json =
                "{\"id\":" + (100000 + i).ToString(CultureInfo.InvariantCulture) + ",\"customer\":\"customer-" + n + "\",\"email\":\"user" + n +
                "@example.com\",\"status\":\"" + (i % 3 == 0 ? "SHIPPED" : "CREATED") + "\",\"total\":" +
                (i * 3.25 + 0.5).ToString("F2", CultureInfo.InvariantCulture) + ",\"currency\":\"EUR\",\"paid\":" + (i % 2 == 0 ? "true" : "false") +
                ",\"items\":" + (i % 7 + 1).ToString(CultureInfo.InvariantCulture) +
                ",\"tags\":[\"priority\",\"web\",\"region-" + (i % 5).ToString(CultureInfo.InvariantCulture) + "\"]" +
                ",\"address\":{\"street\":\"" + n + " Long Street Name\",\"city\":\"Amsterdam\",\"zip\":\"10" + (i % 90 + 10).ToString(CultureInfo.InvariantCulture) +
                " AB\",\"country\":\"NL\"},\"note\":\"standard delivery, leave the parcel at the door; call ahead when nobody is home\"" +
                ",\"created_at\":\"2026-11-30T12:" + (i % 60).ToString("D2", CultureInfo.InvariantCulture) + ":00.000Z\",\"updated_at\":" +
                (1_764_504_000_000L + i).ToString(CultureInfo.InvariantCulture) + ",\"version\":" + (i % 13).ToString(CultureInfo.InvariantCulture) +
                ",\"source\":\"orders-service\",\"channel\":\"web-shop-eu-west\",\"score\":" + (i % 100 / 10.0).ToString("F1", CultureInfo.InvariantCulture) + "}";
            values[i] = Encoding.UTF8.GetBytes(json);
        }

        return values;
    }

    public static byte[][] Keys(int count)
    {
        var keys = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            keys[i] = Encoding.UTF8.GetBytes("order-" + (100000 + i).ToString(CultureInfo.InvariantCulture));
        }

        return keys;
    }
}
