<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it">
<context>
    <name>Cli</name>
    <message>
        <source>%(prog)s {check,send-test,show} [options]</source>
        <translation>%(prog)s {check,send-test,show} [opzioni]</translation>
    </message>
    <message>
        <source>Check the SMTP settings of the TVox appliance, or send a test message, without opening the window. Without --server the saved settings and the password in the system keyring are used, and each option replaces one saved value.</source>
        <translation>Verifica le impostazioni SMTP dell&apos;appliance TVox, o invia un messaggio di prova, senza aprire la finestra. Senza --server usa le impostazioni salvate e la password nel portachiavi di sistema, e ogni opzione sostituisce un solo valore salvato.</translation>
    </message>
    <message>
        <source>Exit status: 0 success, 1 the check or send failed (the report says why), 2 invalid options or settings. Run smtp-gui without a command to open the window, and smtp-gui --self-check to check that this installation has what it needs (keyring, certificates, Qt).</source>
        <translation>Codice di uscita: 0 riuscito, 1 verifica o invio non riusciti (il resoconto spiega il motivo), 2 opzioni o impostazioni non valide. Avviare smtp-gui senza comando per aprire la finestra, e smtp-gui --self-check per verificare che questa installazione abbia tutto ciò che serve (portachiavi, certificati, Qt).</translation>
    </message>
    <message>
        <source>check: connect, log in and try the sender (no message is sent); send-test: also send a test message; show: print the saved settings</source>
        <translation>check: si connette, esegue l&apos;accesso e prova il mittente (senza inviare messaggi); send-test: invia anche un messaggio di prova; show: mostra le impostazioni salvate</translation>
    </message>
    <message>
        <source>SMTP server: host name, IPv4 or IPv6 address (without it, the saved settings)</source>
        <translation>server SMTP: nome host, indirizzo IPv4 o IPv6 (se manca, si usano le impostazioni salvate)</translation>
    </message>
    <message>
        <source>TCP port (default: 465 for ssl, 587 for starttls, 25 for none)</source>
        <translation>porta TCP (predefinita: 465 per ssl, 587 per starttls, 25 per none)</translation>
    </message>
    <message>
        <source>connection security: implicit TLS, STARTTLS or none</source>
        <translation>tipo di connessione sicura: SSL (TLS implicito), STARTTLS o Nessuno (none)</translation>
    </message>
    <message>
        <source>sender address (Indirizzo E-mail): a real mailbox on the server</source>
        <translation>indirizzo del mittente (Indirizzo E-mail): una casella reale sul server</translation>
    </message>
    <message>
        <source>log in with this user name (turns authentication on)</source>
        <translation>esegue l&apos;accesso con questo username (attiva l&apos;autenticazione)</translation>
    </message>
    <message>
        <source>read the password from the first line of standard input (never give it as an argument)</source>
        <translation>legge la password dalla prima riga dello standard input (la password non va mai passata come argomento)</translation>
    </message>
    <message>
        <source>seconds to wait for each network step, 1 to 120 (default: 15)</source>
        <translation>secondi di attesa per ogni fase di rete, da 1 a 120 (predefinito: 15)</translation>
    </message>
    <message>
        <source>PEM file of an extra CA to trust besides the system&apos;s</source>
        <translation>file PEM di una CA aggiuntiva da considerare attendibile oltre a quelle di sistema</translation>
    </message>
    <message>
        <source>recipient of the test message (send-test only)</source>
        <translation>destinatario del messaggio di prova (solo con send-test)</translation>
    </message>
    <message>
        <source>print the result as one JSON object</source>
        <translation>stampa il risultato come un unico oggetto JSON</translation>
    </message>
    <message>
        <source>language of the output (default: the system language)</source>
        <translation>lingua dell&apos;output (predefinita: la lingua di sistema)</translation>
    </message>
    <message>
        <source>folder of the saved settings (default: $SMTP_GUI_CONFIG_DIR or the user&apos;s config folder)</source>
        <translation>cartella delle impostazioni salvate (predefinita: $SMTP_GUI_CONFIG_DIR o la cartella di configurazione dell&apos;utente)</translation>
    </message>
    <message>
        <source>print the program version and exit</source>
        <translation>mostra la versione del programma ed esce</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>COMANDO</translation>
    </message>
    <message>
        <source>SERVER</source>
        <translation>SERVER</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>PORTA</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>INDIRIZZO</translation>
    </message>
    <message>
        <source>USERNAME</source>
        <translation>USERNAME</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDI</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>FOLDER</source>
        <translation>CARTELLA</translation>
    </message>
    <message>
        <source>send-test needs the recipient: add --to ADDRESS.</source>
        <translation>send-test richiede il destinatario: aggiungere --to seguito dall&apos;indirizzo.</translation>
    </message>
    <message>
        <source>--to is only used by send-test.</source>
        <translation>--to si usa solo con send-test.</translation>
    </message>
    <message>
        <source>show prints the saved settings and takes no connection options; remove {options}.</source>
        <translation>show mostra le impostazioni salvate e non accetta opzioni di connessione: togliere {options}.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annullato.</translation>
    </message>
    <message>
        <source>Unexpected error: {error}. The details are in the log file {path}.</source>
        <translation>Errore imprevisto: {error}. I dettagli sono nel file di log {path}.</translation>
    </message>
    <message>
        <source>Unexpected error: {error}.</source>
        <translation>Errore imprevisto: {error}.</translation>
    </message>
    <message>
        <source>invalid value {value}: a whole number is expected</source>
        <translation>valore non valido {value}: serve un numero intero</translation>
    </message>
</context>
<context>
    <name>CliReport</name>
    <message>
        <source>SSL</source>
        <translation>SSL</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>Connection check succeeded: {server}, port {port}, security {security}.</source>
        <translation>Verifica della connessione riuscita: {server}, porta {port}, connessione sicura {security}.</translation>
    </message>
    <message>
        <source>Connection check failed: {server}, port {port}, security {security}.</source>
        <translation>Verifica della connessione non riuscita: {server}, porta {port}, connessione sicura {security}.</translation>
    </message>
    <message>
        <source>Test message to {recipient} accepted by the server, not yet delivered: {server}, port {port}, security {security}.</source>
        <translation>Messaggio di prova per {recipient} accettato dal server, non ancora consegnato: {server}, porta {port}, connessione sicura {security}.</translation>
    </message>
    <message>
        <source>Test message to {recipient} not sent: {server}, port {port}, security {security}.</source>
        <translation>Messaggio di prova per {recipient} non inviato: {server}, porta {port}, connessione sicura {security}.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nessuno</translation>
    </message>
    <message>
        <source>Failed at:</source>
        <translation>Fase non riuscita:</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Problema:</translation>
    </message>
    <message>
        <source>What to try:</source>
        <translation>Cosa provare:</translation>
    </message>
    <message>
        <source>Last server reply:</source>
        <translation>Ultima risposta del server:</translation>
    </message>
    <message>
        <source>(no reply)</source>
        <translation>(nessuna risposta)</translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS:</translation>
    </message>
    <message>
        <source>not used, the connection is not encrypted</source>
        <translation>non usato, la connessione non è cifrata</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Certificato:</translation>
    </message>
    <message>
        <source>subject:</source>
        <translation>soggetto:</translation>
    </message>
    <message>
        <source>valid for:</source>
        <translation>valido per:</translation>
    </message>
    <message>
        <source>issuer:</source>
        <translation>emittente:</translation>
    </message>
    <message>
        <source>expires:</source>
        <translation>scadenza:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Autenticazione:</translation>
    </message>
    <message>
        <source>logged in as {username}</source>
        <translation>accesso eseguito come {username}</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>non usata</translation>
    </message>
    <message>
        <source>Queue id:</source>
        <translation>ID di coda:</translation>
    </message>
    <message>
        <source>{queue_id} (accepted by the server, not yet delivered)</source>
        <translation>{queue_id} (accettato dal server, non ancora consegnato)</translation>
    </message>
    <message>
        <source>none given by the server (accepted, not yet delivered)</source>
        <translation>nessuno fornito dal server (accettato, non ancora consegnato)</translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation>Durata:</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Avvisi:</translation>
    </message>
    <message>
        <source>Transcript (passwords masked):</source>
        <translation>Trascrizione (password mascherate):</translation>
    </message>
    <message>
        <source>(empty: no connection was made)</source>
        <translation>(vuota: nessuna connessione effettuata)</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>L&apos;operazione è stata annullata.</translation>
    </message>
    <message>
        <source>saved setting {label}</source>
        <translation>impostazione salvata {label}</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Sender address (Indirizzo E-mail)</source>
        <translation>Indirizzo E-mail (mittente)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Tipo di connessione sicura</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Autenticazione</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Problem reports (Segnalazioni)</source>
        <translation>Segnalazioni</translation>
    </message>
    <message>
        <source>Problem reports recipient</source>
        <translation>Destinatario delle segnalazioni</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source>Extra CA file</source>
        <translation>File CA aggiuntivo</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Settings file:</source>
        <translation>File delle impostazioni:</translation>
    </message>
    <message>
        <source>on</source>
        <translation>sì</translation>
    </message>
    <message>
        <source>off</source>
        <translation>no</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vuoto)</translation>
    </message>
    <message>
        <source>set</source>
        <translation>impostata</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non impostata</translation>
    </message>
    <message>
        <source>unknown: {error}</source>
        <translation>sconosciuta: {error}</translation>
    </message>
</context>
<context>
    <name>CliSettings</name>
    <message>
        <source>--password-stdin needs a user name: add --user, or save the settings with authentication on.</source>
        <translation>--password-stdin richiede uno username: aggiungere --user, oppure salvare le impostazioni con l&apos;autenticazione attiva.</translation>
    </message>
    <message>
        <source>No password on standard input: write it as the first line.</source>
        <translation>Nessuna password sullo standard input: scriverla come prima riga.</translation>
    </message>
    <message>
        <source>The password on standard input is not valid UTF-8 text.</source>
        <translation>La password sullo standard input non è testo UTF-8 valido.</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>Password: </translation>
    </message>
    <message>
        <source>No password for {username} on {server}: give it with --password-stdin, or save it in the window.</source>
        <translation>Nessuna password per {username} su {server}: fornirla con --password-stdin, oppure salvarla nella finestra.</translation>
    </message>
    <message>
        <source>The settings cannot be used, so nothing was sent:</source>
        <translation>Le impostazioni non sono utilizzabili, quindi non è stato inviato nulla:</translation>
    </message>
    <message>
        <source>The settings cannot be used, so no check was made:</source>
        <translation>Le impostazioni non sono utilizzabili, quindi non è stata fatta nessuna verifica:</translation>
    </message>
    <message>
        <source>The settings file cannot be used: {reason} ({path}). The file was left as it is; open the window to move it aside and start from the defaults.</source>
        <translation>Il file delle impostazioni non può essere usato: {reason} ({path}). Il file è stato lasciato com&apos;è; aprire la finestra per spostarlo da parte e ripartire dai valori predefiniti.</translation>
    </message>
    <message>
        <source>Warning: {problem}</source>
        <translation>Avviso: {problem}</translation>
    </message>
</context>
<context>
    <name>SelfCheck</name>
    <message>
        <source>smtp-gui self-check</source>
        <translation>smtp-gui: verifica dell&apos;installazione</translation>
    </message>
    <message>
        <source>Result: everything the program needs is present.</source>
        <translation>Esito: è presente tutto ciò che serve al programma.</translation>
    </message>
    <message>
        <source>Result: problems found; see the lines marked PROBLEM.</source>
        <translation>Esito: trovati problemi; vedere le righe segnate PROBLEMA.</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>PROBLEM</source>
        <translation>PROBLEMA</translation>
    </message>
    <message>
        <source>executable</source>
        <translation>eseguibile</translation>
    </message>
    <message>
        <source>from source, Python {python}</source>
        <translation>dai sorgenti, Python {python}</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versione</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>italiano</translation>
    </message>
    <message>
        <source>English</source>
        <translation>inglese</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>Italian translations</source>
        <translation>Traduzioni italiane</translation>
    </message>
    <message>
        <source>no catalogue found in {folder}</source>
        <translation>nessun catalogo trovato in {folder}</translation>
    </message>
    <message>
        <source>missing or unreadable: {files}</source>
        <translation>mancanti o illeggibili: {files}</translation>
    </message>
    <message>
        <source>loaded {files} from {folder}</source>
        <translation>caricati {files} da {folder}</translation>
    </message>
    <message>
        <source>Configuration folder</source>
        <translation>Cartella di configurazione</translation>
    </message>
    <message>
        <source>{folder} (not a writable folder: settings cannot be saved)</source>
        <translation>{folder} (cartella non scrivibile: le impostazioni non si possono salvare)</translation>
    </message>
    <message>
        <source>{folder} (created at the first save)</source>
        <translation>{folder} (verrà creata al primo salvataggio)</translation>
    </message>
    <message>
        <source>present</source>
        <translation>presente</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>non ancora salvato</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>File delle impostazioni</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Cartella dei log</translation>
    </message>
    <message>
        <source>Keyring</source>
        <translation>Portachiavi</translation>
    </message>
    <message>
        <source>no usable keyring ({backend}): the password cannot be stored; on Linux, start a Secret Service such as GNOME Keyring or KWallet</source>
        <translation>nessun portachiavi utilizzabile ({backend}): la password non può essere memorizzata; su Linux avviare un Secret Service come GNOME Keyring o KWallet</translation>
    </message>
    <message>
        <source>{backend} does not work: {error}</source>
        <translation>{backend} non funziona: {error}</translation>
    </message>
    <message>
        <source>{backend} (test read succeeded)</source>
        <translation>{backend} (lettura di prova riuscita)</translation>
    </message>
    <message>
        <source>timed out after {seconds} s (is an unlock prompt waiting?)</source>
        <translation>nessuna risposta entro {seconds} s (c&apos;è una richiesta di sblocco in attesa?)</translation>
    </message>
    <message>
        <source>TLS trust store</source>
        <translation>Certificati attendibili per TLS</translation>
    </message>
    <message>
        <source>Windows certificate store, CA certificates: {count}</source>
        <translation>archivio certificati di Windows, certificati CA: {count}</translation>
    </message>
    <message>
        <source>file {path} ({source}), CA certificates: {count}</source>
        <translation>file {path} ({source}), certificati CA: {count}</translation>
    </message>
    <message>
        <source>folder {path}, certificates: {count}</source>
        <translation>cartella {path}, certificati: {count}</translation>
    </message>
    <message>
        <source>no trusted CA found (file {file}, folder {folder}): no server can be verified</source>
        <translation>nessuna CA attendibile trovata (file {file}, cartella {folder}): nessun server può essere verificato</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>Qt platform plugin</source>
        <translation>Plugin di piattaforma Qt</translation>
    </message>
    <message>
        <source>no display found (DISPLAY and WAYLAND_DISPLAY are empty): the window cannot open; set QT_QPA_PLATFORM=offscreen to test without a screen (available: {plugins})</source>
        <translation>nessuno schermo trovato (DISPLAY e WAYLAND_DISPLAY sono vuote): la finestra non può aprirsi; impostare QT_QPA_PLATFORM=offscreen per provare senza schermo (disponibili: {plugins})</translation>
    </message>
    <message>
        <source>none: Qt runs without its GUI layer (available: {plugins})</source>
        <translation>nessuno: Qt funziona senza il livello grafico (disponibili: {plugins})</translation>
    </message>
    <message>
        <source>{name} (available: {plugins})</source>
        <translation>{name} (disponibili: {plugins})</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>uso: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>argomenti posizionali</translation>
    </message>
    <message>
        <source>options</source>
        <translation>opzioni</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>mostra questo aiuto ed esce</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argomento %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>argomenti non riconosciuti: %s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>mancano questi argomenti obbligatori: %s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>manca il valore</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>valore %r non ammesso per questa opzione</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valore %(type)s non valido: %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>scelta non valida: %(value)r (scegliere tra %(choices)s)</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: errore: %(message)s
</translation>
    </message>
</context>
</TS>
