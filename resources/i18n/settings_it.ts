<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it">
<context>
    <name>Addresses</name>
    <message>
        <source>Enter the SMTP server: a name such as smtp.example.com or an IP address.</source>
        <translation>Inserire il server SMTP: un nome come smtp.example.com oppure un indirizzo IP.</translation>
    </message>
    <message>
        <source>Remove “{scheme}://” from the server: enter only the name, such as smtp.example.com.</source>
        <translation>Togliere “{scheme}://” dal server: inserire solo il nome, per esempio smtp.example.com.</translation>
    </message>
    <message>
        <source>Remove “:{port}” from the server and enter {port} in the Port field.</source>
        <translation>Togliere “:{port}” dal server e inserire {port} nel campo Porta.</translation>
    </message>
    <message>
        <source>The server contains a line break or another control character. Type it again instead of pasting it.</source>
        <translation>Il server contiene un a capo o un altro carattere di controllo. Riscriverlo a mano invece di incollarlo.</translation>
    </message>
    <message>
        <source>Remove the spaces from the server name.</source>
        <translation>Togliere gli spazi dal nome del server.</translation>
    </message>
    <message>
        <source>Enter the name of the server, not an e-mail address: for example smtp.example.com.</source>
        <translation>Inserire il nome del server, non un indirizzo e-mail: per esempio smtp.example.com.</translation>
    </message>
    <message>
        <source>The name is {length} characters long in DNS form, but the maximum is 253. Check the name.</source>
        <translation>Il nome, nella forma usata dal DNS, è lungo {length} caratteri, ma il massimo è 253. Controllare il nome.</translation>
    </message>
    <message>
        <source>The part “{label}” of the name is longer than 63 characters. Check the name.</source>
        <translation>La parte “{label}” del nome supera i 63 caratteri. Controllare il nome.</translation>
    </message>
    <message>
        <source>The name “{name}” has an empty part between dots. Remove the extra dot.</source>
        <translation>Il nome “{name}” ha una parte vuota tra due punti. Togliere il punto in più.</translation>
    </message>
    <message>
        <source>The part “{label}” of the name starts or ends with a hyphen, which is not allowed.</source>
        <translation>La parte “{label}” del nome inizia o finisce con un trattino, che non è ammesso.</translation>
    </message>
    <message>
        <source>The name “{name}” contains “{character}”, which is not allowed. Use only letters, digits, hyphens and dots.</source>
        <translation>Il nome “{name}” contiene “{character}”, che non è ammesso. Usare solo lettere, cifre, trattini e punti.</translation>
    </message>
    <message>
        <source>“{name}” is not a valid international domain name. Check its spelling.</source>
        <translation>“{name}” non è un nome di dominio internazionale valido. Controllarne la scrittura.</translation>
    </message>
    <message>
        <source>“{name}” is not a valid IPv4 address: write four decimal numbers from 0 to 255 separated by dots, without leading zeros, such as 192.0.2.10.</source>
        <translation>“{name}” non è un indirizzo IPv4 valido: scrivere quattro numeri decimali da 0 a 255 separati da punti, senza zeri iniziali, per esempio 192.0.2.10.</translation>
    </message>
    <message>
        <source>“{name}” is not a valid IPv6 address. Check it: for example 2001:db8::1 or [2001:db8::1].</source>
        <translation>“{name}” non è un indirizzo IPv6 valido. Controllarlo: per esempio 2001:db8::1 oppure [2001:db8::1].</translation>
    </message>
    <message>
        <source>Enter an e-mail address, for example name@example.com.</source>
        <translation>Inserire un indirizzo e-mail, per esempio nome@example.com.</translation>
    </message>
    <message>
        <source>The address contains a line break or another control character. Type it again instead of pasting it.</source>
        <translation>L&apos;indirizzo contiene un a capo o un altro carattere di controllo. Riscriverlo a mano invece di incollarlo.</translation>
    </message>
    <message>
        <source>Enter only one address, such as name@example.com, without a name, angle brackets, commas or a second address.</source>
        <translation>Inserire un solo indirizzo, come nome@example.com, senza nome visualizzato, parentesi angolari, virgole o un secondo indirizzo.</translation>
    </message>
    <message>
        <source>Remove the spaces from the address.</source>
        <translation>Togliere gli spazi dall&apos;indirizzo.</translation>
    </message>
    <message>
        <source>The address has no @. Write it as name@example.com.</source>
        <translation>Nell&apos;indirizzo manca la @. Scriverlo nella forma nome@example.com.</translation>
    </message>
    <message>
        <source>The address is {length} characters long, but the maximum is 254.</source>
        <translation>L&apos;indirizzo è lungo {length} caratteri, ma il massimo è 254.</translation>
    </message>
    <message>
        <source>Nothing comes before the @. Write the mailbox name first, as in name@example.com.</source>
        <translation>Prima della @ non c&apos;è nulla. Scrivere prima il nome della casella, come in nome@example.com.</translation>
    </message>
    <message>
        <source>The part before the @ is {length} characters long, but the maximum is 64.</source>
        <translation>La parte prima della @ è lunga {length} caratteri, ma il massimo è 64.</translation>
    </message>
    <message>
        <source>The part before the @ cannot start or end with a dot or have two dots in a row.</source>
        <translation>La parte prima della @ non può iniziare o finire con un punto né avere due punti di seguito.</translation>
    </message>
    <message>
        <source>The part before the @ contains “{character}”, which is not allowed there. Remove it.</source>
        <translation>La parte prima della @ contiene “{character}”, che lì non è ammesso. Toglierlo.</translation>
    </message>
    <message>
        <source>The part before the @ contains “{character}”. Use only unaccented letters, digits and . _ - + there.</source>
        <translation>La parte prima della @ contiene “{character}”. Lì usare solo lettere non accentate, cifre e . _ - +.</translation>
    </message>
    <message>
        <source>A quotation mark before the @ is not closed, or the text inside it is not allowed.</source>
        <translation>Prima della @ ci sono virgolette non chiuse, oppure il testo tra le virgolette non è ammesso.</translation>
    </message>
    <message>
        <source>Nothing comes after the @. Write the domain, as in name@example.com.</source>
        <translation>Dopo la @ non c&apos;è nulla. Scrivere il dominio, come in nome@example.com.</translation>
    </message>
    <message>
        <source>Put an IP address after the @ in square brackets, as in name@[192.0.2.1].</source>
        <translation>Un indirizzo IP dopo la @ va tra parentesi quadre, come in nome@[192.0.2.1].</translation>
    </message>
    <message>
        <source>The domain “{name}” after the @ is not complete. Write a full domain, such as example.com.</source>
        <translation>Il dominio “{name}” dopo la @ è incompleto. Scrivere un dominio completo, come example.com.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Enter a port number from 1 to 65535.</source>
        <translation>Inserire un numero di porta da 1 a 65535.</translation>
    </message>
    <message>
        <source>Enter a timeout from 1 to 120 seconds.</source>
        <translation>Inserire un timeout da 1 a 120 secondi.</translation>
    </message>
    <message>
        <source>Choose the connection security: SSL, STARTTLS or none.</source>
        <translation>Scegliere il tipo di connessione sicura: SSL, STARTTLS o Nessuno.</translation>
    </message>
    <message>
        <source>This option must be either on or off.</source>
        <translation>Questa opzione può essere solo attiva o disattiva.</translation>
    </message>
    <message>
        <source>Enter the user name, or turn authentication off.</source>
        <translation>Inserire lo username, oppure disattivare l&apos;autenticazione.</translation>
    </message>
    <message>
        <source>The user name contains a line break or another control character. Type it again.</source>
        <translation>Lo username contiene un a capo o un altro carattere di controllo. Riscriverlo a mano.</translation>
    </message>
    <message>
        <source>Enter the password: none is stored for this server and user name.</source>
        <translation>Inserire la password: non ce n&apos;è una salvata per questo server e questo username.</translation>
    </message>
    <message>
        <source>Enter the address that receives the problem reports, or turn Segnalazioni off.</source>
        <translation>Inserire l&apos;indirizzo che riceve le segnalazioni, oppure disattivare le Segnalazioni.</translation>
    </message>
    <message>
        <source>The CA certificate file {path} does not exist. Choose another file.</source>
        <translation>Il file del certificato CA {path} non esiste. Scegliere un altro file.</translation>
    </message>
    <message>
        <source>The CA certificate file {path} cannot be read ({reason}). Choose another file.</source>
        <translation>Il file del certificato CA {path} non si può leggere ({reason}). Scegliere un altro file.</translation>
    </message>
    <message>
        <source>{path} is a folder or a device, not a file. Choose the PEM file of the CA certificate.</source>
        <translation>{path} è una cartella o un dispositivo, non un file. Scegliere il file PEM del certificato CA.</translation>
    </message>
    <message>
        <source>The file {path} is larger than 1 MB, so it is not a CA certificate. Choose the PEM file of the CA.</source>
        <translation>Il file {path} supera 1 MB, quindi non è un certificato CA. Scegliere il file PEM della CA.</translation>
    </message>
    <message>
        <source>The file {path} holds no PEM certificate (text starting with “-----BEGIN CERTIFICATE-----”). Export the CA certificate in PEM (Base64) format.</source>
        <translation>Il file {path} non contiene un certificato PEM (testo che inizia con “-----BEGIN CERTIFICATE-----”). Esportare il certificato CA in formato PEM (Base64).</translation>
    </message>
    <message>
        <source>The certificate in {path} is damaged or not a valid PEM certificate. Export it again.</source>
        <translation>Il certificato in {path} è danneggiato o non è un certificato PEM valido. Esportarlo di nuovo.</translation>
    </message>
    <message>
        <source>No encryption: mail travels in clear text, and most servers now refuse such connections. Choose SSL or STARTTLS if the server offers them.</source>
        <translation>Nessuna cifratura: la posta viaggia in chiaro e ormai la maggior parte dei server rifiuta queste connessioni. Scegliere SSL o STARTTLS se il server li offre.</translation>
    </message>
    <message>
        <source>Authentication without encryption sends the password in clear text. Choose SSL or STARTTLS.</source>
        <translation>L&apos;autenticazione senza cifratura invia la password in chiaro. Scegliere SSL o STARTTLS.</translation>
    </message>
    <message>
        <source>The sender differs from the user name {username}. Many servers reject mail sent as another mailbox: use {username} as sender unless the server allows it.</source>
        <translation>Il mittente è diverso dallo username {username}. Molti server rifiutano la posta inviata a nome di un&apos;altra casella: usare {username} come mittente, a meno che il server non lo consenta.</translation>
    </message>
    <message>
        <source>This looks like a certified mail (PEC) server. PEC providers forbid automated sending and PEC mail is not accepted by ordinary mailboxes. Use an ordinary SMTP server.</source>
        <translation>Sembra un server di posta elettronica certificata (PEC). I gestori PEC vietano gli invii automatici e le caselle ordinarie non accettano la posta PEC. Usare un normale server SMTP.</translation>
    </message>
    <message>
        <source>This looks like a certified mail (PEC) address. PEC mailboxes reject mail from ordinary mailboxes, so the reports may never arrive. Use an ordinary mailbox.</source>
        <translation>Sembra un indirizzo di posta elettronica certificata (PEC). Le caselle PEC rifiutano la posta delle caselle ordinarie, quindi le segnalazioni potrebbero non arrivare mai. Usare una casella ordinaria.</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>The settings folder {path} could not be created: {reason}.</source>
        <translation>Non è stato possibile creare la cartella delle impostazioni {path}: {reason}.</translation>
    </message>
    <message>
        <source>The settings file {path} could not be read: {reason}.</source>
        <translation>Non è stato possibile leggere il file delle impostazioni {path}: {reason}.</translation>
    </message>
    <message>
        <source>The settings could not be saved to {path}: {reason}. The previously saved settings are unchanged.</source>
        <translation>Non è stato possibile salvare le impostazioni in {path}: {reason}. Le impostazioni salvate in precedenza sono rimaste invariate.</translation>
    </message>
    <message>
        <source>The settings file {path} is damaged ({problem}) and could not be renamed: {reason}.</source>
        <translation>Il file delle impostazioni {path} è danneggiato ({problem}) e non è stato possibile rinominarlo: {reason}.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>il disco è pieno</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>il disco è di sola lettura</translation>
    </message>
    <message>
        <source>access denied (the folder is read-only, or another program has the file open)</source>
        <translation>accesso negato (la cartella è di sola lettura, oppure un altro programma ha il file aperto)</translation>
    </message>
    <message>
        <source>permission denied: this user may not read the file</source>
        <translation>permesso negato: questo utente non può leggere il file</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>la cartella non esiste</translation>
    </message>
    <message>
        <source>input/output error (the disk or the network share failed)</source>
        <translation>errore di input/output (guasto del disco o della condivisione di rete)</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>è una cartella, non un file</translation>
    </message>
    <message>
        <source>system error {code}</source>
        <translation>errore di sistema {code}</translation>
    </message>
    <message>
        <source>The settings folder {path} could not be created: {blocker} is a file, not a folder. Rename or remove that file, or use another settings folder.</source>
        <translation>Impossibile creare la cartella delle impostazioni {path}: {blocker} è un file, non una cartella. Rinominare o eliminare quel file, oppure usare un&apos;altra cartella delle impostazioni.</translation>
    </message>
    <message>
        <source>it is not valid JSON (error at line {line}, column {column})</source>
        <translation>non è un JSON valido (errore alla riga {line}, colonna {column})</translation>
    </message>
    <message>
        <source>it is not UTF-8 text</source>
        <translation>non è testo UTF-8</translation>
    </message>
    <message>
        <source>the value of “{key}” is not text in quotes</source>
        <translation>il valore di “{key}” non è un testo tra virgolette</translation>
    </message>
    <message>
        <source>the value of “{key}” is not a whole number</source>
        <translation>il valore di “{key}” non è un numero intero</translation>
    </message>
    <message>
        <source>the value of “{key}” is not true or false</source>
        <translation>il valore di “{key}” non è true o false</translation>
    </message>
    <message>
        <source>the file does not contain a JSON object</source>
        <translation>il file non contiene un oggetto JSON</translation>
    </message>
    <message>
        <source>the schema version is missing</source>
        <translation>manca la versione dello schema</translation>
    </message>
    <message>
        <source>written by a newer version of the program (schema {schema}; this version reads schema 1)</source>
        <translation>scritto da una versione più recente del programma (schema {schema}; questa versione legge lo schema 1)</translation>
    </message>
    <message>
        <source>The password was not saved: no system keyring is available. Use Windows Credential Manager, the macOS Keychain, GNOME Keyring or KWallet, then save again. The other settings were saved.</source>
        <translation>La password non è stata salvata: nessun portachiavi di sistema disponibile. Usare Gestione credenziali di Windows, il Portachiavi di macOS, GNOME Keyring o KWallet, poi salvare di nuovo. Le altre impostazioni sono state salvate.</translation>
    </message>
    <message>
        <source>The password was not saved because the system keyring ({backend}) refused it: {cause}. Unlock the keyring and save again. The other settings were saved.</source>
        <translation>La password non è stata salvata perché il portachiavi di sistema ({backend}) l&apos;ha rifiutata: {cause}. Sbloccare il portachiavi e salvare di nuovo. Le altre impostazioni sono state salvate.</translation>
    </message>
    <message>
        <source>The old password could not be removed from the system keyring ({backend}): {cause}. Remove the entry “{account}” of the service smtp-gui by hand.</source>
        <translation>Non è stato possibile togliere la vecchia password dal portachiavi di sistema ({backend}): {cause}. Eliminare a mano la voce “{account}” del servizio smtp-gui.</translation>
    </message>
    <message>
        <source>The password could not be read from the system keyring ({backend}): {cause}. Unlock the keyring.</source>
        <translation>Non è stato possibile leggere la password dal portachiavi di sistema ({backend}): {cause}. Sbloccare il portachiavi.</translation>
    </message>
    <message>
        <source>the keyring backend chosen in PYTHON_KEYRING_BACKEND or keyringrc.cfg cannot be used: {cause}</source>
        <translation>il backend del portachiavi scelto in PYTHON_KEYRING_BACKEND o in keyringrc.cfg non si può usare: {cause}</translation>
    </message>
    <message>
        <source>Port {value} in the settings file is not valid: the default value {default} is used.</source>
        <translation>Porta {value} nel file delle impostazioni non è valida: viene usato il valore predefinito {default}.</translation>
    </message>
    <message>
        <source>Timeout {value} in the settings file is not valid: the default value of {default} seconds is used.</source>
        <translation>Timeout {value} nel file delle impostazioni non è valido: viene usato il valore predefinito di {default} secondi.</translation>
    </message>
    <message>
        <source>Connection security “{value}” in the settings file is not valid: the default value {default} is used.</source>
        <translation>Tipo di connessione sicura “{value}” nel file delle impostazioni non è valido: viene usato il valore predefinito {default}.</translation>
    </message>
    <message>
        <source>{field} in the settings file is {length} characters long, more than the maximum of {maximum}: the field is left empty.</source>
        <translation>{field} nel file delle impostazioni è lungo {length} caratteri, più del massimo di {maximum}: il campo resta vuoto.</translation>
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
        <source>User name</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Problem reports recipient</source>
        <translation>Destinatario delle segnalazioni</translation>
    </message>
    <message>
        <source>Extra CA file</source>
        <translation>File CA aggiuntivo</translation>
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
</TS>
