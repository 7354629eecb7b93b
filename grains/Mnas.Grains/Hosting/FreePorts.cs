using System.Net;
using System.Net.Sockets;

namespace Mnas.Grains.Hosting;

/// <summary>Ports free on the loopback now, for an embedded silo that must not collide with another on the machine.</summary>
internal static class FreePorts
{
    public static (int Silo, int Gateway) Pair()
    {
        using var silo = new TcpListener(IPAddress.Loopback, 0);
        using var gateway = new TcpListener(IPAddress.Loopback, 0);
        silo.Start();
        gateway.Start();
        return (((IPEndPoint)silo.LocalEndpoint).Port, ((IPEndPoint)gateway.LocalEndpoint).Port);
    }
}
