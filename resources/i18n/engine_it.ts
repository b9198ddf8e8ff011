<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it">
<context>
    <name>Diagnosis</name>
    <message>
        <source>The server name {host} was not found (DNS).</source>
        <translation>Il nome del server {host} non è stato trovato (DNS).</translation>
    </message>
    <message>
        <source>{host} refused the connection on port {port}.</source>
        <translation>{host} ha rifiutato la connessione sulla porta {port}.</translation>
    </message>
    <message>
        <source>{host} cannot be reached on port {port}: the network has no route to it.</source>
        <translation>{host} non è raggiungibile sulla porta {port}: la rete non ha un percorso verso il server.</translation>
    </message>
    <message>
        <source>Could not connect to {host} on port {port} ({detail}).</source>
        <translation>Impossibile connettersi a {host} sulla porta {port} ({detail}).</translation>
    </message>
    <message>
        <source>{host} did not reply within the time limit.</source>
        <translation>{host} non ha risposto entro il tempo massimo.</translation>
    </message>
    <message>
        <source>{host} did not answer on port {port} within the time limit.</source>
        <translation>{host} non ha risposto sulla porta {port} entro il tempo massimo.</translation>
    </message>
    <message>
        <source>{host} accepted the connection on port {port} but sent no greeting within the time limit.</source>
        <translation>{host} ha accettato la connessione sulla porta {port} ma non ha inviato il messaggio di benvenuto entro il tempo massimo.</translation>
    </message>
    <message>
        <source>{host} expects SSL (encryption from the first byte) on port {port} and does not answer in plain text.</source>
        <translation>{host} sulla porta {port} si aspetta SSL (cifratura fin dal primo byte) e non risponde in chiaro.</translation>
    </message>
    <message>
        <source>{host} answers in plain text on port {port}, so SSL (encryption from the first byte) is the wrong choice for this port.</source>
        <translation>{host} risponde in chiaro sulla porta {port}: SSL (cifratura fin dal primo byte) non è la scelta giusta per questa porta.</translation>
    </message>
    <message>
        <source>{host} does not offer STARTTLS on port {port}, so the connection was stopped instead of going on without encryption.</source>
        <translation>{host} non offre STARTTLS sulla porta {port}: la connessione è stata interrotta per non proseguire senza cifratura.</translation>
    </message>
    <message>
        <source>The certificate of {host} is not trusted: it is self-signed or issued by an unknown certificate authority.</source>
        <translation>Il certificato di {host} non è attendibile: è autofirmato o emesso da un&apos;autorità di certificazione sconosciuta.</translation>
    </message>
    <message>
        <source>The certificate of {host} has expired or is not valid yet.</source>
        <translation>Il certificato di {host} è scaduto o non è ancora valido.</translation>
    </message>
    <message>
        <source>The certificate presented by the server is not valid for the name {host}.</source>
        <translation>Il certificato presentato dal server non è valido per il nome {host}.</translation>
    </message>
    <message>
        <source>{host} and this program have no TLS version in common.</source>
        <translation>{host} e questo programma non hanno una versione di TLS in comune.</translation>
    </message>
    <message>
        <source>{host} uses outdated encryption that this program does not accept ({detail}).</source>
        <translation>{host} usa una cifratura obsoleta che questo programma non accetta ({detail}).</translation>
    </message>
    <message>
        <source>{host} does not offer authentication (AUTH) on this connection.</source>
        <translation>{host} non offre l&apos;autenticazione (AUTH) su questa connessione.</translation>
    </message>
    <message>
        <source>{host} offers only authentication methods that this program does not support: {mechanisms}.</source>
        <translation>{host} offre solo metodi di autenticazione che questo programma non supporta: {mechanisms}.</translation>
    </message>
    <message>
        <source>The server rejected the username or password.</source>
        <translation>Il server ha rifiutato username o password.</translation>
    </message>
    <message>
        <source>The server requires an app password for this account instead of the normal password.</source>
        <translation>Il server richiede per questo account una password per app al posto della password normale.</translation>
    </message>
    <message>
        <source>The server does not allow password login over SMTP (SMTP AUTH) for this account or organization.</source>
        <translation>Il server non consente l&apos;accesso con password via SMTP (SMTP AUTH) per questo account o per l&apos;organizzazione.</translation>
    </message>
    <message>
        <source>The server accepts this command only on an encrypted connection.</source>
        <translation>Il server accetta questo comando solo su una connessione cifrata.</translation>
    </message>
    <message>
        <source>The server rejected the sender address (Email address).</source>
        <translation>Il server ha rifiutato l&apos;indirizzo del mittente (Indirizzo E-mail).</translation>
    </message>
    <message>
        <source>The server rejected the recipient address.</source>
        <translation>Il server ha rifiutato l&apos;indirizzo del destinatario.</translation>
    </message>
    <message>
        <source>The server refused to forward (relay) the message to this recipient.</source>
        <translation>Il server si è rifiutato di inoltrare (relay) il messaggio a questo destinatario.</translation>
    </message>
    <message>
        <source>The server is busy or temporarily unavailable.</source>
        <translation>Il server è occupato o temporaneamente non disponibile.</translation>
    </message>
    <message>
        <source>The server closed the connection unexpectedly.</source>
        <translation>Il server ha chiuso la connessione inaspettatamente.</translation>
    </message>
    <message>
        <source>The server closed the connection while encryption was starting.</source>
        <translation>Il server ha chiuso la connessione durante l&apos;avvio della cifratura.</translation>
    </message>
    <message>
        <source>The server requires login (authentication) before it accepts mail.</source>
        <translation>Il server richiede l&apos;accesso (autenticazione) prima di accettare la posta.</translation>
    </message>
    <message>
        <source>The server refused because a sending limit was reached (messages, recipients, connections or logins).</source>
        <translation>Il server ha rifiutato perché è stato raggiunto un limite di invio (messaggi, destinatari, connessioni o accessi).</translation>
    </message>
    <message>
        <source>{host} sent a reply that is not valid SMTP.</source>
        <translation>{host} ha inviato una risposta che non è SMTP valido.</translation>
    </message>
    <message>
        <source>{host} sent an unexpected reply ({reply}) at the {step} step.</source>
        <translation>{host} ha inviato una risposta inattesa ({reply}) nella fase «{step}».</translation>
    </message>
    <message>
        <source>The TLS handshake with {host} failed ({detail}).</source>
        <translation>La negoziazione TLS con {host} non è riuscita ({detail}).</translation>
    </message>
    <message>
        <source>{field} is not valid.</source>
        <translation>Valore non valido nel campo {field}.</translation>
    </message>
    <message>
        <source>{field} is not valid. {reason}</source>
        <translation>Valore non valido nel campo {field}. {reason}</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>L&apos;operazione è stata annullata.</translation>
    </message>
    <message>
        <source>The server refused the request at the {step} step (reply {reply}).</source>
        <translation>Il server ha rifiutato la richiesta nella fase «{step}» (risposta {reply}).</translation>
    </message>
    <message>
        <source>{host} offers STARTTLS, but Secure connection type is None: messages and passwords travel unencrypted.</source>
        <translation>{host} offre STARTTLS, ma il Tipo di connessione sicura è Nessuno: messaggi e password viaggiano senza cifratura.</translation>
    </message>
    <message>
        <source>{host} offers login (AUTH), but Authentication is off. Many such servers accept mail without login only for their own mailboxes and refuse other recipients (relay denied).</source>
        <translation>{host} offre l&apos;accesso (AUTH), ma Autenticazione è disattivata. Molti server di questo tipo accettano posta senza accesso solo per le proprie caselle e rifiutano gli altri destinatari (relay negato).</translation>
    </message>
    <message>
        <source>Check the spelling of Server, and that this computer can resolve names on this network (DNS, VPN). You can also enter the server&apos;s IP address.</source>
        <translation>Controllare il nome scritto in Server e che questo computer riesca a risolvere i nomi su questa rete (DNS, VPN). In alternativa inserire l&apos;indirizzo IP del server.</translation>
    </message>
    <message>
        <source>No mail service is listening on this port, or a firewall rejects the connection. Check Port and Secure connection type: usually 465 with SSL, 587 with STARTTLS, or 25 with None.</source>
        <translation>Nessun servizio di posta è in ascolto su questa porta, oppure un firewall rifiuta la connessione. Controllare Porta e Tipo di connessione sicura: di solito 465 con SSL, 587 con STARTTLS oppure 25 con Nessuno.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s network connection, the VPN if the server is on the customer&apos;s network, and the address in Server.</source>
        <translation>Controllare la connessione di rete di questo computer, la VPN se il server è nella rete del cliente, e l&apos;indirizzo in Server.</translation>
    </message>
    <message>
        <source>Check Server and Port, and that no firewall blocks the connection. If the server is slow, increase the timeout.</source>
        <translation>Controllare Server e Porta, e che nessun firewall blocchi la connessione. Se il server è lento, aumentare il Timeout.</translation>
    </message>
    <message>
        <source>Port 25 is often blocked by internet providers and company firewalls. Try port 587 with STARTTLS or port 465 with SSL.</source>
        <translation>La porta 25 è spesso bloccata dai provider internet e dai firewall aziendali. Provare la porta 587 con STARTTLS o la porta 465 con SSL.</translation>
    </message>
    <message>
        <source>Choose SSL as Secure connection type for port {port}, or use STARTTLS on port 587.</source>
        <translation>Scegliere SSL come Tipo di connessione sicura per la porta {port}, oppure usare STARTTLS sulla porta 587.</translation>
    </message>
    <message>
        <source>Choose STARTTLS as Secure connection type for this port (usually 587 or 25), or keep SSL and use port 465.</source>
        <translation>Scegliere STARTTLS come Tipo di connessione sicura per questa porta (di solito 587 o 25), oppure mantenere SSL e usare la porta 465.</translation>
    </message>
    <message>
        <source>STARTTLS is usually offered on port 587. If the server supports SSL, choose SSL with port 465.</source>
        <translation>STARTTLS di solito è offerto sulla porta 587. Se il server supporta SSL, scegliere SSL con la porta 465.</translation>
    </message>
    <message>
        <source>If the server uses a certificate from the organization&apos;s own certificate authority, select that authority&apos;s CA certificate (PEM file) as extra CA certificate. Otherwise check that Server is the right name.</source>
        <translation>Se il server usa un certificato emesso dall&apos;autorità di certificazione interna dell&apos;organizzazione, selezionare il certificato di quella CA (file PEM) come Certificato CA aggiuntivo. Altrimenti controllare che in Server ci sia il nome giusto.</translation>
    </message>
    <message>
        <source>The mail administrator must renew the server&apos;s certificate. Also check the date and time of this computer.</source>
        <translation>L&apos;amministratore della posta deve rinnovare il certificato del server. Controllare anche data e ora di questo computer.</translation>
    </message>
    <message>
        <source>The certificate is valid for: {names}. Enter one of these names in Server.</source>
        <translation>Il certificato è valido per: {names}. Inserire uno di questi nomi in Server.</translation>
    </message>
    <message>
        <source>Enter in Server the name the certificate was issued for, not an IP address or an alias.</source>
        <translation>Inserire in Server il nome per cui è stato emesso il certificato, non un indirizzo IP o un alias.</translation>
    </message>
    <message>
        <source>This program uses TLS 1.2 or newer, because TLS 1.0 and 1.1 are insecure. The mail administrator must enable TLS 1.2 or 1.3 on the server.</source>
        <translation>Questo programma usa TLS 1.2 o successivo, perché TLS 1.0 e 1.1 non sono sicuri. L&apos;amministratore della posta deve abilitare TLS 1.2 o 1.3 sul server.</translation>
    </message>
    <message>
        <source>If the server accepts mail from this network without login, turn Authentication off. Otherwise use the port where the server offers login, usually 587 with STARTTLS.</source>
        <translation>Se il server accetta posta da questa rete senza accesso, disattivare Autenticazione. Altrimenti usare la porta su cui il server offre l&apos;accesso, di solito la 587 con STARTTLS.</translation>
    </message>
    <message>
        <source>The server offers login only on an encrypted connection: choose STARTTLS as Secure connection type.</source>
        <translation>Il server offre l&apos;accesso solo su una connessione cifrata: scegliere STARTTLS come Tipo di connessione sicura.</translation>
    </message>
    <message>
        <source>The server requires OAuth 2.0 sign-in, which the appliance does not support. Ask the mail administrator for a mailbox that can log in with a password (SMTP AUTH), or for a relay that accepts this appliance without login.</source>
        <translation>Il server richiede l&apos;accesso OAuth 2.0, che l&apos;appliance non supporta. Chiedere all&apos;amministratore della posta una casella che possa accedere con password (SMTP AUTH), oppure un relay che accetti questa appliance senza accesso.</translation>
    </message>
    <message>
        <source>Check Username (often the full email address) and Password. If the account uses two-step verification, use an app password.</source>
        <translation>Controllare Username (spesso l&apos;indirizzo e-mail completo) e Password. Se l&apos;account usa la verifica in due passaggi, usare una password per app.</translation>
    </message>
    <message>
        <source>The account uses two-step verification or blocks sign-in with the normal password. Create an app password in the account&apos;s security settings and enter it in Password.</source>
        <translation>L&apos;account usa la verifica in due passaggi o blocca l&apos;accesso con la password normale. Creare una password per app nelle impostazioni di sicurezza dell&apos;account e inserirla in Password.</translation>
    </message>
    <message>
        <source>The mail administrator must enable authenticated SMTP (SMTP AUTH) for this mailbox and for the organization, and make sure that no policy blocks basic authentication for it. In Microsoft 365: turn on &quot;Authenticated SMTP&quot; for the mailbox and check the security defaults and the conditional access policies.</source>
        <translation>L&apos;amministratore della posta deve abilitare l&apos;SMTP autenticato (SMTP AUTH) per questa casella e per l&apos;organizzazione, e verificare che nessun criterio blocchi l&apos;autenticazione di base per la casella. In Microsoft 365: attivare “SMTP autenticato” per la casella e controllare le impostazioni predefinite di sicurezza e i criteri di accesso condizionale.</translation>
    </message>
    <message>
        <source>Choose STARTTLS (usually port 587) or SSL (usually port 465) as Secure connection type.</source>
        <translation>Scegliere STARTTLS (di solito porta 587) o SSL (di solito porta 465) come Tipo di connessione sicura.</translation>
    </message>
    <message>
        <source>Check Email address: it must be a real mailbox on this server. The server may also require Authentication with that mailbox.</source>
        <translation>Controllare Indirizzo E-mail: deve essere una casella reale su questo server. Il server potrebbe anche richiedere l&apos;Autenticazione con quella casella.</translation>
    </message>
    <message>
        <source>The account may send only as its own addresses: set Email address to the mailbox of Username, or ask the mail administrator to allow this account to send as that address.</source>
        <translation>L&apos;account può inviare solo con i propri indirizzi: impostare in Indirizzo E-mail la casella di Username, oppure chiedere all&apos;amministratore della posta di autorizzare l&apos;account a inviare con quell&apos;indirizzo.</translation>
    </message>
    <message>
        <source>Check the recipient&apos;s address: the mailbox may not exist, may be disabled or may be full.</source>
        <translation>Controllare l&apos;indirizzo del destinatario: la casella potrebbe non esistere, essere disattivata o essere piena.</translation>
    </message>
    <message>
        <source>Turn on Authentication with a mailbox of this server, or ask the mail administrator to allow relaying from this appliance&apos;s IP address.</source>
        <translation>Attivare Autenticazione con una casella di questo server, oppure chiedere all&apos;amministratore della posta di consentire il relay dall&apos;indirizzo IP di questa appliance.</translation>
    </message>
    <message>
        <source>This account may not send to that domain. Ask the mail administrator to allow relaying for this account or for this appliance&apos;s IP address.</source>
        <translation>Questo account non può inviare a quel dominio. Chiedere all&apos;amministratore della posta di consentire il relay per questo account o per l&apos;indirizzo IP di questa appliance.</translation>
    </message>
    <message>
        <source>Try again in a few minutes. If it keeps happening, ask the mail administrator.</source>
        <translation>Riprovare tra qualche minuto. Se succede ancora, rivolgersi all&apos;amministratore della posta.</translation>
    </message>
    <message>
        <source>Try again. If it happens every time, the server or a firewall is cutting this connection: ask the mail administrator.</source>
        <translation>Riprovare. Se succede ogni volta, il server o un firewall interrompe questa connessione: rivolgersi all&apos;amministratore della posta.</translation>
    </message>
    <message>
        <source>Check Secure connection type and Port, because the server may expect another mode. If they are right, the server may reject this program&apos;s TLS settings.</source>
        <translation>Controllare Tipo di connessione sicura e Porta, perché il server potrebbe aspettarsi un&apos;altra modalità. Se sono corretti, il server potrebbe rifiutare le impostazioni TLS di questo programma.</translation>
    </message>
    <message>
        <source>Turn on Authentication and enter the Username and Password of the mailbox.</source>
        <translation>Attivare Autenticazione e inserire Username e Password della casella.</translation>
    </message>
    <message>
        <source>The server does not consider this connection logged in. Check that Username is the full mailbox address and that SMTP login is enabled for the account.</source>
        <translation>Il server non considera autenticata questa connessione. Controllare che Username sia l&apos;indirizzo completo della casella e che l&apos;accesso SMTP sia abilitato per l&apos;account.</translation>
    </message>
    <message>
        <source>Wait and try again later. If it keeps happening, ask the mail provider about the account&apos;s sending limits.</source>
        <translation>Attendere e riprovare più tardi. Se succede ancora, chiedere al fornitore del servizio di posta quali sono i limiti di invio dell&apos;account.</translation>
    </message>
    <message>
        <source>Check Server and Port, because this port may belong to another service. If they are right, copy the transcript and send it to the mail administrator.</source>
        <translation>Controllare Server e Porta, perché questa porta potrebbe appartenere a un altro servizio. Se sono corretti, copiare la trascrizione e inviarla all&apos;amministratore della posta.</translation>
    </message>
    <message>
        <source>Check Secure connection type and Port. If they are right, the server may need TLS settings that this program does not accept.</source>
        <translation>Controllare Tipo di connessione sicura e Porta. Se sono corretti, il server potrebbe richiedere impostazioni TLS che questo programma non accetta.</translation>
    </message>
    <message>
        <source>Correct the value and try again. Line breaks and control characters are never allowed.</source>
        <translation>Correggere il valore e riprovare. Interruzioni di riga e caratteri di controllo non sono mai ammessi.</translation>
    </message>
    <message>
        <source>The server&apos;s reply explains the refusal, and the mail administrator can tell what it means for this account.</source>
        <translation>La risposta del server spiega il rifiuto, e l&apos;amministratore della posta può dire cosa significa per questo account.</translation>
    </message>
    <message>
        <source>The refusal is temporary: try again later. If it keeps happening, show the server&apos;s reply to the mail administrator.</source>
        <translation>Il rifiuto è temporaneo: riprovare più tardi. Se succede ancora, mostrare la risposta del server all&apos;amministratore della posta.</translation>
    </message>
    <message>
        <source>Choose STARTTLS as Secure connection type.</source>
        <translation>Scegliere STARTTLS come Tipo di connessione sicura.</translation>
    </message>
    <message>
        <source>Send a test message to an address outside the server&apos;s domain. If it is refused, turn on Authentication and enter the Username and Password of the mailbox.</source>
        <translation>Inviare un messaggio di prova a un indirizzo esterno al dominio del server. Se viene rifiutato, attivare Autenticazione e inserire Username e Password della casella.</translation>
    </message>
    <message>
        <source>settings check</source>
        <translation>verifica delle impostazioni</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>connessione</translation>
    </message>
    <message>
        <source>server greeting</source>
        <translation>saluto del server</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completata</translation>
    </message>
    <message>
        <source>EHLO</source>
        <translation>EHLO</translation>
    </message>
    <message>
        <source>encryption (TLS)</source>
        <translation>cifratura (TLS)</translation>
    </message>
    <message>
        <source>login (AUTH)</source>
        <translation>accesso (AUTH)</translation>
    </message>
    <message>
        <source>sender (MAIL FROM)</source>
        <translation>mittente (MAIL FROM)</translation>
    </message>
    <message>
        <source>recipient (RCPT TO)</source>
        <translation>destinatario (RCPT TO)</translation>
    </message>
    <message>
        <source>message (DATA)</source>
        <translation>messaggio (DATA)</translation>
    </message>
    <message>
        <source>closing (QUIT)</source>
        <translation>chiusura (QUIT)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Indirizzo E-mail</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <source>Secure connection type</source>
        <translation>Tipo di connessione sicura</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Autenticazione</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source>Extra CA certificate</source>
        <translation>Certificato CA aggiuntivo</translation>
    </message>
</context>
<context>
    <name>Inputs</name>
    <message>
        <source>The password contains a line break or another control character, which cannot be sent. Type it again.</source>
        <translation>La password contiene un a capo o un altro carattere di controllo, che non si può inviare. Digitarla di nuovo.</translation>
    </message>
</context>
<context>
    <name>TestMessage</name>
    <message>
        <source>Test message from the TVox SMTP configurator</source>
        <translation>Messaggio di prova dal configuratore SMTP di TVox</translation>
    </message>
    <message>
        <source>This message was sent by the TVox SMTP configurator to test the outgoing mail settings below.</source>
        <translation>Questo messaggio è stato inviato dal configuratore SMTP di TVox per provare le impostazioni della posta in uscita riportate qui sotto.</translation>
    </message>
    <message>
        <source>Server: {server}</source>
        <translation>Server: {server}</translation>
    </message>
    <message>
        <source>Port: {port}</source>
        <translation>Porta: {port}</translation>
    </message>
    <message>
        <source>Secure connection type: {security}</source>
        <translation>Tipo di connessione sicura: {security}</translation>
    </message>
    <message>
        <source>Authentication: on, username {username}</source>
        <translation>Autenticazione: attiva, username {username}</translation>
    </message>
    <message>
        <source>Authentication: off</source>
        <translation>Autenticazione: disattiva</translation>
    </message>
    <message>
        <source>Email address: {sender}</source>
        <translation>Indirizzo E-mail: {sender}</translation>
    </message>
    <message>
        <source>Sent at: {time}</source>
        <translation>Inviato il: {time}</translation>
    </message>
    <message>
        <source>If you are reading this message, the server accepted it and delivered it. No reply is needed.</source>
        <translation>Se questo messaggio è arrivato, il server lo ha accettato e consegnato. Non è necessario rispondere.</translation>
    </message>
    <message>
        <source>SSL</source>
        <translation>SSL</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nessuno</translation>
    </message>
</context>
<context>
    <name>Transcript</name>
    <message>
        <source>... {count} lines left out ...</source>
        <translation>... {count} righe omesse ...</translation>
    </message>
    <message>
        <source>&lt;message of {size} bytes&gt;</source>
        <translation>&lt;messaggio di {size} byte&gt;</translation>
    </message>
    <message>
        <source>Connecting to {address}</source>
        <translation>Connessione a {address}</translation>
    </message>
    <message>
        <source>Connected to {address}</source>
        <translation>Connesso a {address}</translation>
    </message>
    <message>
        <source>Connection error: {reason}</source>
        <translation>Errore di connessione: {reason}</translation>
    </message>
    <message>
        <source>TLS handshake failed: {reason}</source>
        <translation>Negoziazione TLS non riuscita: {reason}</translation>
    </message>
</context>
</TS>
