using System.Net.Sockets;
using AlertWorker.Alerts;
using AlertWorker.Configuration;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace AlertWorker.Channels.Email;

/// <summary>Sends one message per alert over SMTP with MailKit. SMTP 5xx replies are final; 4xx and connection failures are not.</summary>
public sealed class EmailChannel(ChannelOptions options) : IAlertChannel
{
    public async Task SendAsync(AlertContent alert, CancellationToken cancellationToken)
    {
        var smtp = options.Smtp;
        var message = AlertEmail.Build(alert, options);
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("an email channel needs Smtp:Host"), smtp.Port, SocketOptionsOf(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException exception)
        {
            var code = (int)exception.StatusCode;
            throw new AlertDeliveryException(
                $"SMTP {smtp.Host}:{smtp.Port} answered {code}: {exception.Message}", permanent: code >= 500, inner: exception);
        }
        catch (AuthenticationException exception)
        {
            throw new AlertDeliveryException($"SMTP {smtp.Host}:{smtp.Port} refused the login: {exception.Message}", inner: exception);
        }
        catch (Exception exception) when (exception is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or SslHandshakeException)
        {
            throw new AlertDeliveryException($"SMTP {smtp.Host}:{smtp.Port} failed: {exception.Message}", inner: exception);
        }
    }

    private static SecureSocketOptions SocketOptionsOf(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
