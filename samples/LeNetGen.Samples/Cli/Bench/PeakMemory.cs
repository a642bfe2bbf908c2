using System;
using System.Diagnostics;
using System.IO;

namespace LeNetGen.Samples.Cli.Bench;

/// <summary>The process's peak resident memory: VmHWM of /proc/self/status, as the peer reports it; elsewhere the peak working set.</summary>
internal static class PeakMemory
{
    /// <summary>The peak so far, in MiB.</summary>
    public static double Mebibytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (string line in File.ReadLines(status))
            {
                // "VmHWM:    118344 kB"
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                string[] cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
            }
        }
        using Process self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}
