<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it">
<context>
    <name>Application</name>
    <message>
        <source>smtp-gui: no screen found (DISPLAY and WAYLAND_DISPLAY are empty), so the window cannot open. Use the command line (smtp-gui check, send-test, show; smtp-gui --help) or start it in a desktop session.</source>
        <translation>smtp-gui: nessuno schermo trovato (DISPLAY e WAYLAND_DISPLAY sono vuote), quindi la finestra non può aprirsi. Usare la riga di comando (smtp-gui check, send-test, show; smtp-gui --help) oppure avviarlo in una sessione desktop.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SMTP configuration</source>
        <translation>Configurazione SMTP</translation>
    </message>
    <message>
        <source>The settings file could not be used ({reason}). It was kept as {path}; the form shows the default values.</source>
        <translation>Non è stato possibile usare il file delle impostazioni ({reason}). È stato conservato come {path}; il modulo mostra i valori predefiniti.</translation>
    </message>
    <message>
        <source>Some values in the settings file {path} cannot be used, so the form shows the defaults in their place:

{problems}

Check the form and save it.</source>
        <translation>Alcuni valori del file delle impostazioni {path} non si possono usare, quindi il modulo mostra al loro posto i valori predefiniti:

{problems}

Controllare il modulo e salvarlo.</translation>
    </message>
    <message>
        <source>Reading the stored password</source>
        <translation>Lettura della password salvata</translation>
    </message>
    <message>
        <source>Saving and checking the connection</source>
        <translation>Salvataggio e verifica della connessione</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Salvataggio</translation>
    </message>
    <message>
        <source>Enter the address that receives the test e-mail.</source>
        <translation>Inserire l&apos;indirizzo che deve ricevere l&apos;e-mail di test.</translation>
    </message>
    <message>
        <source>Sending the test e-mail</source>
        <translation>Invio dell&apos;e-mail di test</translation>
    </message>
    <message>
        <source>Test e-mail cancelled.</source>
        <translation>Invio dell&apos;e-mail di test annullato.</translation>
    </message>
    <message>
        <source>Form changed: {change}. Save or send again.</source>
        <translation>Modulo modificato: {change}. Salvare o inviare di nuovo.</translation>
    </message>
    <message>
        <source>Choose the CA certificate</source>
        <translation>Scegliere il certificato della CA</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer)</source>
        <translation>Certificati PEM (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tutti i file (*)</translation>
    </message>
    <message>
        <source>The settings have been changed but not saved.</source>
        <translation>Le impostazioni sono state modificate ma non salvate.</translation>
    </message>
    <message>
        <source>Save them before closing?</source>
        <translation>Salvarle prima di chiudere?</translation>
    </message>
</context>
<context>
    <name>PasswordEdit</name>
    <message>
        <source>Hide the password</source>
        <translation>Nascondi la password</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>Mostra la password</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Stop the operation (Esc).</source>
        <translation>Interrompe l&apos;operazione (Esc).</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annullamento in corso…</translation>
    </message>
    <message>
        <source>{activity}… {seconds} s</source>
        <translation>{activity}… {seconds} s</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Save settings</source>
        <translation>Salvataggio impostazioni</translation>
    </message>
    <message>
        <source>The settings were NOT saved.</source>
        <translation>Le impostazioni NON sono state salvate.</translation>
    </message>
    <message>
        <source>The values you typed are still in the form.</source>
        <translation>I valori inseriti sono ancora nel modulo.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Impostazioni salvate.</translation>
    </message>
    <message>
        <source>Settings saved. The connection check was cancelled.</source>
        <translation>Impostazioni salvate. La verifica della connessione è stata annullata.</translation>
    </message>
    <message>
        <source>Settings saved and connection to {server} working.</source>
        <translation>Impostazioni salvate e connessione a {server} riuscita.</translation>
    </message>
    <message>
        <source>Settings saved, but the connection to {server} failed.</source>
        <translation>Impostazioni salvate, ma la connessione a {server} non è riuscita.</translation>
    </message>
    <message>
        <source>Test e-mail</source>
        <translation>E-mail di test</translation>
    </message>
    <message>
        <source>This test used the values in the form, which differ from the saved settings.</source>
        <translation>Il test ha usato i valori del modulo, che sono diversi dalle impostazioni salvate.</translation>
    </message>
    <message>
        <source>The test e-mail was not sent.</source>
        <translation>L&apos;e-mail di test non è stata inviata.</translation>
    </message>
    <message>
        <source>The server accepted the test e-mail for {recipient}.</source>
        <translation>Il server ha accettato l&apos;e-mail di test per {recipient}.</translation>
    </message>
    <message>
        <source>Server reply: {reply}</source>
        <translation>Risposta del server: {reply}</translation>
    </message>
    <message>
        <source>Queue ID: {queue_id}</source>
        <translation>ID in coda: {queue_id}</translation>
    </message>
    <message>
        <source>Accepted does not yet mean delivered: if the e-mail does not arrive within a few minutes, look in the spam folder too.</source>
        <translation>Accettata non vuol dire ancora consegnata: se l&apos;e-mail non arriva entro qualche minuto, controllare anche la cartella della posta indesiderata (spam).</translation>
    </message>
    <message>
        <source>The test e-mail to {recipient} was not sent.</source>
        <translation>L&apos;e-mail di test per {recipient} non è stata inviata.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Errore imprevisto</translation>
    </message>
    <message>
        <source>The operation stopped because of an unexpected error.</source>
        <translation>L&apos;operazione si è interrotta per un errore imprevisto.</translation>
    </message>
    <message>
        <source>Details are in the log file.</source>
        <translation>I dettagli sono nel file di log.</translation>
    </message>
    <message>
        <source>Use {security} on port {port}</source>
        <translation>Usa {security} sulla porta {port}</translation>
    </message>
    <message>
        <source>Encrypted connection: {tls_version} ({cipher}).</source>
        <translation>Connessione cifrata: {tls_version} ({cipher}).</translation>
    </message>
    <message>
        <source>The connection is not encrypted.</source>
        <translation>La connessione non è cifrata.</translation>
    </message>
    <message>
        <source>Authentication accepted.</source>
        <translation>Autenticazione accettata.</translation>
    </message>
    <message>
        <source>Failed at: {step}.</source>
        <translation>Fase non riuscita: {step}.</translation>
    </message>
    <message>
        <source>What to try: {hint}</source>
        <translation>Cosa provare: {hint}</translation>
    </message>
    <message>
        <source>The server said: {reply}</source>
        <translation>Risposta del server: {reply}</translation>
    </message>
    <message>
        <source>Note: {warning}</source>
        <translation>Nota: {warning}</translation>
    </message>
    <message>
        <source>Server: {server}, port {port}, security {security}</source>
        <translation>Server: {server}, porta {port}, sicurezza {security}</translation>
    </message>
    <message>
        <source>Result: succeeded (step: {step}), {seconds} s</source>
        <translation>Esito: riuscito (fase: {step}), {seconds} s</translation>
    </message>
    <message>
        <source>no diagnosis</source>
        <translation>nessuna diagnosi</translation>
    </message>
    <message>
        <source>Result: failed (step: {step}), {seconds} s: {message} [{code}]</source>
        <translation>Esito: non riuscito (fase: {step}), {seconds} s: {message} [{code}]</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Certificato:</translation>
    </message>
    <message>
        <source>  Subject: {subject}</source>
        <translation>  Soggetto: {subject}</translation>
    </message>
    <message>
        <source>  Names: {names}</source>
        <translation>  Nomi: {names}</translation>
    </message>
    <message>
        <source>  Issuer: {issuer}</source>
        <translation>  Emittente: {issuer}</translation>
    </message>
    <message>
        <source>  Valid until: {not_after}</source>
        <translation>  Valido fino al: {not_after}</translation>
    </message>
    <message>
        <source>Transcript (passwords masked):</source>
        <translation>Trascrizione (password mascherate):</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <source>Show the commands exchanged with the &amp;server</source>
        <translation>Mostra lo scambio di comandi con il &amp;server</translation>
    </message>
    <message>
        <source>Show each command sent to the server and its reply, with passwords masked.</source>
        <translation>Mostra ogni comando inviato al server e la sua risposta, con le password nascoste.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copia</translation>
    </message>
    <message>
        <source>Copy the outcome and the details, to paste them into a support request.</source>
        <translation>Copia l&apos;esito e i dettagli, da incollare in una richiesta di assistenza.</translation>
    </message>
    <message>
        <source>Change the form this way; then save or send again.</source>
        <translation>Modifica il modulo in questo modo; poi salvare o inviare di nuovo.</translation>
    </message>
    <message>
        <source>Hide the commands exchanged with the &amp;server</source>
        <translation>Nascondi lo scambio di comandi con il &amp;server</translation>
    </message>
</context>
<context>
    <name>SmtpForm</name>
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
    <message>
        <source>SMTP</source>
        <translation>SMTP</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>e.g. smtp.example.com</source>
        <translation>es. smtp.example.com</translation>
    </message>
    <message>
        <source>Name or IP address of the SMTP server the appliance sends its e-mail through (no &quot;smtp://&quot; and no port here).</source>
        <translation>Nome o indirizzo IP del server SMTP attraverso cui la piattaforma invia le e-mail (senza &quot;smtp://&quot; e senza porta).</translation>
    </message>
    <message>
        <source>&amp;E-mail address</source>
        <translation>&amp;Indirizzo E-mail</translation>
    </message>
    <message>
        <source>e.g. tvox@example.com</source>
        <translation>es. tvox@example.com</translation>
    </message>
    <message>
        <source>The sender address of every e-mail the appliance sends. It should be the address (or an alias) of the account whose credentials are given below.</source>
        <translation>Indirizzo mittente di ogni e-mail inviata dalla piattaforma. Dovrebbe corrispondere all&apos;indirizzo (o a un alias) dell&apos;account di cui si indicano le credenziali.</translation>
    </message>
    <message>
        <source>Must be a real mailbox on the server: it keeps every e-mail sent and those that could not be delivered, and its administrator should read it.</source>
        <translation>Deve essere una casella di posta reale sul server: conserva ogni e-mail inviata e quelle non recapitate, e l&apos;amministratore deve controllarla.</translation>
    </message>
    <message>
        <source>Secure &amp;connection type</source>
        <translation>Tipo di &amp;connessione sicura</translation>
    </message>
    <message>
        <source>SSL: encrypted from the first byte (usually port 465). STARTTLS: starts in clear text and switches to encryption (usually port 587). None: no encryption (port 25), which most servers now refuse.</source>
        <translation>SSL: cifrata fin dal primo byte (di solito porta 465). STARTTLS: parte in chiaro e passa alla cifratura (di solito porta 587). Nessuno: nessuna cifratura (porta 25), ormai rifiutata dalla maggior parte dei server.</translation>
    </message>
    <message>
        <source>&amp;Port</source>
        <translation>P&amp;orta</translation>
    </message>
    <message>
        <source>TCP port the SMTP server listens on. It follows the connection type (465, 587, 25) unless you typed another one.</source>
        <translation>Porta TCP su cui è in ascolto il server SMTP. Segue il tipo di connessione (465, 587, 25), a meno che non ne sia stata inserita un&apos;altra.</translation>
    </message>
    <message>
        <source>&amp;Authentication</source>
        <translation>&amp;Autenticazione</translation>
    </message>
    <message>
        <source>Log in to the server with the mailbox&apos;s username and password. Almost every server requires it.</source>
        <translation>Accede al server con username e password della casella di posta. Quasi tutti i server la richiedono.</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>usually the full e-mail address</source>
        <translation>di solito l&apos;indirizzo e-mail completo</translation>
    </message>
    <message>
        <source>Username of the mailbox, often the same as the e-mail address.</source>
        <translation>Username della casella di posta, spesso uguale all&apos;indirizzo e-mail.</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;word</translation>
    </message>
    <message>
        <source>Password of the mailbox. It is kept in the system&apos;s credential store, never in a file.</source>
        <translation>Password della casella di posta. Viene conservata nell&apos;archivio credenziali del sistema, mai in un file.</translation>
    </message>
    <message>
        <source>SA&amp;VE</source>
        <translation>SA&amp;LVA</translation>
    </message>
    <message>
        <source>Save the settings, then check the connection to the server (Enter).</source>
        <translation>Salva le impostazioni, poi verifica la connessione al server (Invio).</translation>
    </message>
    <message>
        <source>stored password</source>
        <translation>password salvata</translation>
    </message>
    <message>
        <source>A password is stored: leave the field empty to keep it.</source>
        <translation>Una password è salvata: lasciare il campo vuoto per mantenerla.</translation>
    </message>
    <message>
        <source>stored password unknown</source>
        <translation>password salvata non leggibile</translation>
    </message>
    <message>
        <source>no password stored</source>
        <translation>nessuna password salvata</translation>
    </message>
    <message>
        <source>No password is stored for this server and username: enter it.</source>
        <translation>Nessuna password salvata per questo server e questo username: inserirla.</translation>
    </message>
    <message>
        <source>SMTP configuration test</source>
        <translation>Test configurazione SMTP</translation>
    </message>
    <message>
        <source>&amp;Recipient</source>
        <translation>&amp;Destinatario</translation>
    </message>
    <message>
        <source>e.g. your own address</source>
        <translation>es. il proprio indirizzo</translation>
    </message>
    <message>
        <source>Address that receives the test e-mail (Enter sends it).</source>
        <translation>Indirizzo che riceve l&apos;e-mail di test (Invio la spedisce).</translation>
    </message>
    <message>
        <source>Send &amp;test e-mail</source>
        <translation>Invia e-mail di &amp;test</translation>
    </message>
    <message>
        <source>Send a test e-mail with the values in the form, even if they are not saved yet.</source>
        <translation>Invia un&apos;e-mail di test con i valori del modulo, anche se non sono ancora salvati.</translation>
    </message>
    <message>
        <source>Uses the values in the form.</source>
        <translation>Usa i valori del modulo.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Segnalazioni</translation>
    </message>
    <message>
        <source>Enab&amp;le problem reports</source>
        <translation>A&amp;bilita le segnalazioni</translation>
    </message>
    <message>
        <source>Send the problem reports of TVox Client by e-mail to the address below.</source>
        <translation>Invia per e-mail le segnalazioni di TVox Client all&apos;indirizzo indicato sotto.</translation>
    </message>
    <message>
        <source>&amp;Destination address</source>
        <translation>&amp;E-mail di destinazione</translation>
    </message>
    <message>
        <source>e.g. support@example.com</source>
        <translation>es. assistenza@example.com</translation>
    </message>
    <message>
        <source>Address that receives the problem reports.</source>
        <translation>Indirizzo che riceve le segnalazioni.</translation>
    </message>
    <message>
        <source>Adva&amp;nced</source>
        <translation>Ava&amp;nzate</translation>
    </message>
    <message>
        <source>Show or hide the timeout and the extra CA certificate.</source>
        <translation>Mostra o nasconde il timeout e il certificato CA aggiuntivo.</translation>
    </message>
    <message>
        <source>Ti&amp;meout</source>
        <translation>Ti&amp;meout</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds to wait for each network step (connection, encryption, each server reply).</source>
        <translation>Secondi di attesa per ogni passo di rete (connessione, cifratura, ogni risposta del server).</translation>
    </message>
    <message>
        <source>CA cert&amp;ificate</source>
        <translation>Certi&amp;ficato CA</translation>
    </message>
    <message>
        <source>optional: PEM file of an internal CA</source>
        <translation>facoltativo: file PEM di una CA interna</translation>
    </message>
    <message>
        <source>PEM file of a certificate authority to trust besides the system&apos;s, for a server with a certificate from the customer&apos;s internal CA.</source>
        <translation>File PEM di un&apos;autorità di certificazione da considerare attendibile oltre a quelle del sistema, per un server con un certificato emesso dalla CA interna del cliente.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Sfo&amp;glia…</translation>
    </message>
    <message>
        <source>Choose the CA certificate file.</source>
        <translation>Sceglie il file del certificato della CA.</translation>
    </message>
</context>
</TS>
