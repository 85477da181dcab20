namespace Serverless.Connect.Bench.Cdc;

/// <summary>The reader process's part of a CDC measurement.</summary>
internal sealed record ReaderRun(double Seconds, double Rate, double Wall, long PeakRss, ulong AcknowledgedLsn, double CpuSeconds, string Load);
