<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About IceScope</source>
        <translation>Über IceScope</translation>
    </message>
    <message>
        <source>&lt;h2&gt;IceScope&lt;/h2&gt;&lt;p&gt;Watch a WebRTC connection&apos;s ICE state live, poke it, and take the evidence home.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;IceScope&lt;/h2&gt;&lt;p&gt;Den ICE-Zustand einer WebRTC-Verbindung live beobachten, gezielt stören und die Belege mitnehmen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Copy versions</source>
        <translation>Versionen kopieren</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>connected, no failure</source>
        <translation>verbunden, kein Fehler</translation>
    </message>
    <message>
        <source>connected; failed on the way</source>
        <translation>verbunden; zwischendurch fehlgeschlagen</translation>
    </message>
    <message>
        <source>connected, then failed</source>
        <translation>verbunden, dann fehlgeschlagen</translation>
    </message>
    <message>
        <source>never connected</source>
        <translation>nie verbunden</translation>
    </message>
    <message>
        <source>never connected: ICE failed</source>
        <translation>nie verbunden: ICE fehlgeschlagen</translation>
    </message>
    <message>
        <source>IceScope — compare two sessions</source>
        <translation>IceScope — zwei Sitzungen vergleichen</translation>
    </message>
    <message>
        <source>session start</source>
        <translation>Sitzungsbeginn</translation>
    </message>
    <message>
        <source>first connected</source>
        <translation>erstes connected</translation>
    </message>
    <message>
        <source>&amp;Top:</source>
        <translation>&amp;Oben:</translation>
    </message>
    <message>
        <source>&amp;Bottom:</source>
        <translation>&amp;Unten:</translation>
    </message>
    <message>
        <source>&amp;Align at:</source>
        <translation>&amp;Ausrichten an:</translation>
    </message>
    <message>
        <source>&amp;Fit both</source>
        <translation>&amp;Beide einpassen</translation>
    </message>
    <message>
        <source>Two sessions are needed: open a file (File → Open…) or run another session; each joins the Showing list.</source>
        <translation>Zwei Sitzungen sind nötig: Öffnen Sie eine Datei (Datei → Öffnen…) oder führen Sie eine weitere Sitzung aus; jede kommt in die Liste „Anzeige“.</translation>
    </message>
    <message>
        <source>{0} — verdict: {1}</source>
        <translation>{0} — Ergebnis: {1}</translation>
    </message>
    <message>
        <source> (never connected: aligned at its start)</source>
        <translation> (nie verbunden: an ihrem Beginn ausgerichtet)</translation>
    </message>
</context>
<context>
    <name>Controls</name>
    <message>
        <source>&amp;Restart ICE</source>
        <translation>&amp;ICE neu starten</translation>
    </message>
    <message>
        <source>&amp;Close session</source>
        <translation>Sitzung &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation>&amp;Neue Sitzung…</translation>
    </message>
    <message>
        <source>Re&amp;peat session</source>
        <translation>Sitzung &amp;wiederholen</translation>
    </message>
    <message>
        <source>Restart ICE: new ufrag/pwd in a new offer (webrtc-pc restartIce()). Ctrl+R</source>
        <translation>ICE neu starten: neues ufrag/pwd in einem neuen Angebot (webrtc-pc restartIce()). Strg+R</translation>
    </message>
    <message>
        <source>Restart ICE unavailable: {0}</source>
        <translation>ICE-Neustart nicht möglich: {0}</translation>
    </message>
    <message>
        <source>Restart ICE unavailable: the ICE engine cannot restart</source>
        <translation>ICE-Neustart nicht möglich: die ICE-Engine kann nicht neu starten</translation>
    </message>
    <message>
        <source>Close both peers (drains heartbeats first). Ctrl+W</source>
        <translation>Beide Peers schließen (zuerst werden die Heartbeats abgewartet). Strg+W</translation>
    </message>
    <message>
        <source>Nothing to close: {0}</source>
        <translation>Nichts zu schließen: {0}</translation>
    </message>
    <message>
        <source>Choose the remote peer, STUN/TURN servers, timings and host candidates, then start a new session (closes this one). Ctrl+N</source>
        <translation>Entfernten Peer, STUN/TURN-Server, Zeiten und Host-Kandidaten wählen, dann eine neue Sitzung starten (schließt diese). Strg+N</translation>
    </message>
    <message>
        <source>Close this session (if open) and start a fresh one with the same settings. Ctrl+Shift+N</source>
        <translation>Diese Sitzung schließen (falls offen) und eine neue mit denselben Einstellungen starten. Strg+Umschalt+N</translation>
    </message>
</context>
<context>
    <name>CoreText</name>
    <message>
        <source>nothing received from the remote since {since}, and no impairment was active: the path or the remote stopped answering consent checks</source>
        <translation>seit {since} kam nichts von der Gegenseite, und keine Störung war aktiv: der Pfad oder die Gegenseite beantwortet die Consent-Prüfungen nicht mehr</translation>
    </message>
    <message>
        <source>nothing received from the remote since {since}, while IceScope&apos;s own impairment was active: {impairments}</source>
        <translation>seit {since} kam nichts von der Gegenseite, während eine Störung durch IceScope selbst aktiv war: {impairments}</translation>
    </message>
    <message>
        <source>the {other} peer closed its connection at {at}; nothing answers consent checks any more</source>
        <translation>der andere Peer ({other}) hat seine Verbindung um {at} geschlossen; niemand beantwortet mehr die Consent-Prüfungen</translation>
    </message>
    <message>
        <source>the remote is gone ({why}, at {at}); nothing answers consent checks any more</source>
        <translation>die Gegenseite ist weg ({why}, um {at}); niemand beantwortet mehr die Consent-Prüfungen</translation>
    </message>
    <message>
        <source>no remote candidates arrived (neither in the description nor trickled): there was no candidate pair to check</source>
        <translation>es kamen keine entfernten Kandidaten an (weder in der Beschreibung noch per Trickle): es gab kein Kandidatenpaar zu prüfen</translation>
    </message>
    <message>
        <source>only host candidates, on different networks (local {local}; remote {remote}) and no STUN or TURN candidates: no pair can reach the other side</source>
        <translation>nur Host-Kandidaten, in verschiedenen Netzen (lokal {local}; entfernt {remote}) und keine STUN- oder TURN-Kandidaten: kein Paar erreicht die andere Seite</translation>
    </message>
    <message>
        <source>the TURN server rejected the credentials (401): {notice}</source>
        <translation>der TURN-Server hat die Zugangsdaten abgelehnt (401): {notice}</translation>
    </message>
    <message>
        <source>the TURN server could not be reached: {notice}</source>
        <translation>der TURN-Server war nicht erreichbar: {notice}</translation>
    </message>
    <message>
        <source>the STUN server could not be reached: {notice}</source>
        <translation>der STUN-Server war nicht erreichbar: {notice}</translation>
    </message>
    <message>
        <source>every candidate pair failed its connectivity checks ({pairs} pairs; {requests} requests sent, {responses} responses received)</source>
        <translation>jedes Kandidatenpaar hat seine Verbindungsprüfungen nicht bestanden ({pairs} Paare; {requests} Anfragen gesendet, {responses} Antworten empfangen)</translation>
    </message>
    <message>
        <source>the remote did not answer the ICE restart with new credentials ({detail}); the session stays on the old generation</source>
        <translation>die Gegenseite hat den ICE-Neustart nicht mit neuen Zugangsdaten beantwortet ({detail}); die Sitzung bleibt auf der alten Generation</translation>
    </message>
    <message>
        <source>the peer reported closed itself (its own close())</source>
        <translation>der Peer hat selbst closed gemeldet (sein eigenes close())</translation>
    </message>
    <message>
        <source>no recorded fact explains it</source>
        <translation>keine aufgezeichnete Tatsache erklärt es</translation>
    </message>
    <message>
        <source>the remote came back as a new peer; closed here for a new call</source>
        <translation>der entfernte Peer kam als neuer Peer zurück; hier für einen neuen Anruf geschlossen</translation>
    </message>
    <message>
        <source>local close: close() was called here (webrtc-pc fires no event)</source>
        <translation>lokal geschlossen: close() wurde hier aufgerufen (webrtc-pc löst kein Ereignis aus)</translation>
    </message>
    <message>
        <source>the library closed the connection on its own</source>
        <translation>die Bibliothek hat die Verbindung selbst geschlossen</translation>
    </message>
    <message>
        <source>the remote said goodbye (bye on signaling); closed in answer</source>
        <translation>die Gegenseite hat sich verabschiedet (bye über die Signalisierung); als Antwort geschlossen</translation>
    </message>
    <message>
        <source>the browser page closed its connection</source>
        <translation>die Browserseite hat ihre Verbindung geschlossen</translation>
    </message>
    <message>
        <source>the signaling channel to the remote broke; closed here</source>
        <translation>der Signalisierungskanal zur Gegenseite ist abgerissen; hier geschlossen</translation>
    </message>
    <message>
        <source>IceScope is exiting</source>
        <translation>IceScope wird beendet</translation>
    </message>
    <message>
        <source>{value} s</source>
        <translation>{value} s</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>einem unbekannten Zeitpunkt</translation>
    </message>
    <message>
        <source>a time not known (no statistics name the last packet)</source>
        <translation>einem unbekannten Zeitpunkt (keine Statistik nennt das letzte Paket)</translation>
    </message>
    <message>
        <source>no detail</source>
        <translation>keine Details</translation>
    </message>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <source>remote</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>{kind} ({direction}) on the {peer} peer since {at}</source>
        <translation>{kind} ({direction}) am Peer ({peer}) seit {at}</translation>
    </message>
    <message>
        <source>aiortc does not support stuns: URLs</source>
        <translation>aiortc unterstützt keine stuns:-URLs</translation>
    </message>
    <message>
        <source>aiortc uses only the first STUN server ({url})</source>
        <translation>aiortc verwendet nur den ersten STUN-Server ({url})</translation>
    </message>
    <message>
        <source>aiortc uses only the first TURN server ({url})</source>
        <translation>aiortc verwendet nur den ersten TURN-Server ({url})</translation>
    </message>
    <message>
        <source>aiortc does not support this TURN URL (turns: needs transport=tcp)</source>
        <translation>aiortc unterstützt diese TURN-URL nicht (turns: braucht transport=tcp)</translation>
    </message>
    <message>
        <source>relay-only and no relay candidate</source>
        <translation>nur Relay und kein Relay-Kandidat</translation>
    </message>
    <message>
        <source>no usable local address</source>
        <translation>keine verwendbare lokale Adresse</translation>
    </message>
    <message>
        <source>last packet {age} s ago</source>
        <translation>letztes Paket vor {age} s</translation>
    </message>
    <message>
        <source>no response for {age} s · {verdict} at {after} s</source>
        <translation>keine Antwort seit {age} s · {verdict} nach {after} s</translation>
    </message>
    <message>
        <source>no response for {age} s · {verdict} at {after} s (due)</source>
        <translation>keine Antwort seit {age} s · {verdict} nach {after} s (fällig)</translation>
    </message>
    <message>
        <source>disconnected for {held} s</source>
        <translation>disconnected seit {held} s</translation>
    </message>
    <message>
        <source>disconnected for {held} s · failed in {left} s</source>
        <translation>disconnected seit {held} s · failed in {left} s</translation>
    </message>
    <message>
        <source>disconnected for {held} s · failed is due</source>
        <translation>disconnected seit {held} s · failed ist fällig</translation>
    </message>
    <message>
        <source>no response for {age} s · terminal until an ICE restart</source>
        <translation>keine Antwort seit {age} s · endgültig bis zu einem ICE-Neustart</translation>
    </message>
    <message>
        <source>no usable remote candidate yet — waiting for peer-reflexive connectivity, {left} s left</source>
        <translation>noch kein nutzbarer entfernter Kandidat — warte auf Peer-reflexive Konnektivität, noch {left} s</translation>
    </message>
    <message>
        <source>all impairments cleared</source>
        <translation>alle Störungen aufgehoben</translation>
    </message>
    <message>
        <source>{kind}{value} ({direction}) on</source>
        <translation>{kind}{value} ({direction}) aktiv</translation>
    </message>
    <message>
        <source>{kind}{value} ({direction}) off</source>
        <translation>{kind}{value} ({direction}) beendet</translation>
    </message>
    <message>
        <source>TURN server {url} rejected the credentials (401 Unauthorized): check --username and --credential (long-term credentials, RFC 8489 §9.2)</source>
        <translation>TURN-Server {url} hat die Zugangsdaten abgelehnt (401 Unauthorized): prüfen Sie --username und --credential (langfristige Zugangsdaten, RFC 8489 §9.2)</translation>
    </message>
    <message>
        <source>TURN server {url} refused the allocation: {error}</source>
        <translation>TURN-Server {url} hat die Allokation abgelehnt: {error}</translation>
    </message>
    <message>
        <source>TURN server {url} did not answer within {timeout} s over {transport}: not reachable (wrong address/port, or a firewall drops it)</source>
        <translation>TURN-Server {url} hat nicht innerhalb von {timeout} s über {transport} geantwortet: nicht erreichbar (falsche Adresse/Port, oder eine Firewall verwirft die Pakete)</translation>
    </message>
    <message>
        <source>TURN server {url} is not reachable over {transport}: {error}</source>
        <translation>TURN-Server {url} ist über {transport} nicht erreichbar: {error}</translation>
    </message>
    <message>
        <source>TURN server {url} grants allocations, but none arrived during gathering (aioice waits 5 s): the server may be slow or overloaded</source>
        <translation>TURN-Server {url} gewährt Allokationen, aber während des Sammelns kam keine an (aioice wartet 5 s): der Server ist vielleicht langsam oder überlastet</translation>
    </message>
    <message>
        <source>STUN server {url}: {error}</source>
        <translation>STUN-Server {url}: {error}</translation>
    </message>
    <message>
        <source>STUN server {url} did not answer within {timeout} s: not reachable</source>
        <translation>STUN-Server {url} hat nicht innerhalb von {timeout} s geantwortet: nicht erreichbar</translation>
    </message>
    <message>
        <source>STUN server {url} is not reachable: {error}</source>
        <translation>STUN-Server {url} ist nicht erreichbar: {error}</translation>
    </message>
    <message>
        <source>{url} ignored: {why}</source>
        <translation>{url} ignoriert: {why}</translation>
    </message>
    <message>
        <source>relay-only (iceTransportPolicy=relay) without a TURN server: no candidate can be gathered, so ICE cannot connect. Add --ice-server turn:HOST:PORT with --username/--credential, or drop --relay-only.</source>
        <translation>Nur Relay (iceTransportPolicy=relay) ohne TURN-Server: es kann kein Kandidat gesammelt werden, also kann ICE keine Verbindung herstellen. Fügen Sie --ice-server turn:HOST:PORT mit --username/--credential hinzu, oder lassen Sie --relay-only weg.</translation>
    </message>
    <message>
        <source>no local ICE candidate was gathered ({why})</source>
        <translation>es wurde kein lokaler ICE-Kandidat gesammelt ({why})</translation>
    </message>
    <message>
        <source>ignored signaling message: {error}</source>
        <translation>Signalisierungsnachricht ignoriert: {error}</translation>
    </message>
    <message>
        <source>no signaling with the listener {address} ({why}); dialing it again in {wait} s (round {round}, up to {timeout} s; if it fails, the next round {after} s later)</source>
        <translation>keine Signalisierung mit dem Lauschenden {address} ({why}); neuer Verbindungsversuch in {wait} s (Runde {round}, bis zu {timeout} s; scheitert er, die nächste Runde {after} s später)</translation>
    </message>
    <message>
        <source>connecting to {address}: {why}; retrying for up to {timeout} s (is the other IceScope listening?)</source>
        <translation>Verbindung zu {address}: {why}; weitere Versuche bis zu {timeout} s (lauscht das andere IceScope?)</translation>
    </message>
    <message>
        <source>signaling connected to {address}</source>
        <translation>Signalisierung mit {address} verbunden</translation>
    </message>
    <message>
        <source>signaling channel lost: {error}</source>
        <translation>Signalisierungskanal verloren: {error}</translation>
    </message>
    <message>
        <source>the page left without a bye (ICE may still carry on until consent expires); a page opened with the same URL takes its place</source>
        <translation>die Seite ist ohne bye gegangen (ICE kann weiterlaufen, bis der Consent abläuft); eine mit derselben URL geöffnete Seite nimmt ihren Platz ein</translation>
    </message>
    <message>
        <source>the signaling channel ended without a bye: the remote is gone (ICE may still carry on until consent expires)</source>
        <translation>der Signalisierungskanal endete ohne bye: die Gegenseite ist weg (ICE kann weiterlaufen, bis der Consent abläuft)</translation>
    </message>
    <message>
        <source>{error}</source>
        <translation>{error}</translation>
    </message>
    <message>
        <source>could not apply remote {kind}: {error}</source>
        <translation>entfernte {kind} konnte nicht angewendet werden: {error}</translation>
    </message>
    <message>
        <source>refused a browser connection without the access token from {remote}</source>
        <translation>Browserverbindung ohne Zugangstoken von {remote} abgelehnt</translation>
    </message>
    <message>
        <source>refused a second browser from {remote}: this session has its page</source>
        <translation>zweiten Browser von {remote} abgelehnt: diese Sitzung hat ihre Seite</translation>
    </message>
    <message>
        <source>browser page connected from {remote}</source>
        <translation>Browserseite verbunden von {remote}</translation>
    </message>
    <message>
        <source>browser page connected from {remote} (in place of the page that left)</source>
        <translation>Browserseite verbunden von {remote} (anstelle der Seite, die gegangen ist)</translation>
    </message>
    <message>
        <source>a new browser page from {remote} took the place of the one that left; IceScope&apos;s peer connection was negotiated with the old page and aiortc cannot renegotiate DTLS, so ICE cannot connect to the new page: start a new session for it</source>
        <translation>eine neue Browserseite von {remote} hat den Platz der gegangenen eingenommen; die Peer-Verbindung von IceScope wurde mit der alten Seite ausgehandelt und aiortc kann DTLS nicht neu aushandeln, also kann ICE keine Verbindung zur neuen Seite herstellen: starten Sie dafür eine neue Sitzung</translation>
    </message>
    <message>
        <source>a new browser page from {remote} took the place of the one that left: a new call begins with it (a new IceScope peer connection; the old one is closed)</source>
        <translation>eine neue Browserseite von {remote} hat den Platz der gegangenen eingenommen: mit ihr beginnt ein neuer Anruf (eine neue Peer-Verbindung von IceScope; die alte ist geschlossen)</translation>
    </message>
    <message>
        <source>the browser peer page is reachable from the network on {host}; only holders of the URL&apos;s token can use it</source>
        <translation>die Seite des Browser-Peers ist aus dem Netzwerk über {host} erreichbar; nur wer das Token der URL hat, kann sie nutzen</translation>
    </message>
    <message>
        <source>signaling peer connected from {address}</source>
        <translation>Signalisierungs-Peer verbunden von {address}</translation>
    </message>
    <message>
        <source>refused a connection from {address}: {why}</source>
        <translation>Verbindung von {address} abgelehnt: {why}</translation>
    </message>
    <message>
        <source>listening for an IceScope peer on {address}, reachable from the network; only holders of the listening URL&apos;s token can use it</source>
        <translation>wartet auf einen IceScope-Peer auf {address}, aus dem Netzwerk erreichbar; nur wer das Token der URL hat, kann ihn nutzen</translation>
    </message>
    <message>
        <source>answering the offer in {offer}</source>
        <translation>beantworte das Angebot in {offer}</translation>
    </message>
    <message>
        <source>writing the offer to {offer}; waiting up to {wait} s for the answer in {answer}</source>
        <translation>schreibe das Angebot nach {offer}; warte bis zu {wait} s auf die Antwort in {answer}</translation>
    </message>
    <message>
        <source>copy IceScope&apos;s offer to the remote peer, then paste its answer here</source>
        <translation>kopieren Sie das Angebot von IceScope zum entfernten Peer und fügen Sie dann dessen Antwort hier ein</translation>
    </message>
    <message>
        <source>paste the remote peer&apos;s offer; IceScope answers, copy the answer back</source>
        <translation>fügen Sie das Angebot des entfernten Peers ein; IceScope antwortet, kopieren Sie die Antwort zurück</translation>
    </message>
    <message>
        <source>pasted remote {kind} accepted; applying it</source>
        <translation>eingefügte entfernte {kind} angenommen; wird angewendet</translation>
    </message>
    <message>
        <source>pasted text not applied: {error}</source>
        <translation>eingefügter Text nicht angewendet: {error}</translation>
    </message>
    <message>
        <source>remote peer: {who}</source>
        <translation>entfernter Peer: {who}</translation>
    </message>
    <message>
        <source>remote {kind}: {dropped}</source>
        <translation>entfernte {kind}: {dropped}</translation>
    </message>
    <message>
        <source>remote trickled more than {limit} candidates for one ICE generation: dropping the rest, starting with {candidate}</source>
        <translation>die Gegenseite hat mehr als {limit} Kandidaten für eine ICE-Generation per Trickle gesendet: der Rest wird verworfen, beginnend mit {candidate}</translation>
    </message>
    <message>
        <source>ICE restart request refused: a restart is under way and another is queued</source>
        <translation>ICE-Neustart abgelehnt: ein Neustart läuft und ein weiterer ist vorgemerkt</translation>
    </message>
    <message>
        <source>ICE restart queued: it starts when this one ends</source>
        <translation>ICE-Neustart vorgemerkt: er beginnt, wenn dieser endet</translation>
    </message>
    <message>
        <source>queued ICE restart not done: {error}</source>
        <translation>vorgemerkter ICE-Neustart nicht ausgeführt: {error}</translation>
    </message>
    <message>
        <source>cannot open journal {path}: {error}; the session runs without a journal</source>
        <translation>Journal {path} kann nicht geöffnet werden: {error}; die Sitzung läuft ohne Journal</translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <source>{count} more {suppressed!r} notices in {seconds} s were counted, not shown (at most {burst} per {window} s)</source>
        <translation>{count} weitere Hinweise {suppressed!r} in {seconds} s wurden gezählt, nicht angezeigt (höchstens {burst} je {window} s)</translation>
    </message>
    <message>
        <source>session could not start: {error}</source>
        <translation>Sitzung konnte nicht starten: {error}</translation>
    </message>
    <message>
        <source>scenario action {action}: {error}</source>
        <translation>Szenario-Aktion {action}: {error}</translation>
    </message>
    <message>
        <source>network impairment is not available</source>
        <translation>Netzwerkstörung ist nicht verfügbar</translation>
    </message>
    <message>
        <source>cannot write {path}: {error}</source>
        <translation>{path} kann nicht geschrieben werden: {error}</translation>
    </message>
    <message>
        <source>serving OpenMetrics at {url}</source>
        <translation>OpenMetrics wird bereitgestellt unter {url}</translation>
    </message>
    <message>
        <source>{machine}: not a W3C value: {value!r}; left out</source>
        <translation>{machine}: kein W3C-Wert: {value!r}; ausgelassen</translation>
    </message>
    <message>
        <source>embedded loopback peer (aiortc, same process)</source>
        <translation>eingebetteter Loopback-Peer (aiortc, selber Prozess)</translation>
    </message>
    <message>
        <source>browser peer page (IceScope offers)</source>
        <translation>Browser-Peer-Seite (IceScope bietet an)</translation>
    </message>
    <message>
        <source>browser peer page (browser offers)</source>
        <translation>Browser-Peer-Seite (der Browser bietet an)</translation>
    </message>
    <message>
        <source>IceScope peer over TCP signaling (listening on {address})</source>
        <translation>IceScope-Peer über TCP-Signalisierung (wartet auf {address})</translation>
    </message>
    <message>
        <source>IceScope peer over TCP signaling ({address})</source>
        <translation>IceScope-Peer über TCP-Signalisierung ({address})</translation>
    </message>
    <message>
        <source>manual peer (offer {offer}, answer {answer})</source>
        <translation>Peer von Hand (Angebot {offer}, Antwort {answer})</translation>
    </message>
    <message>
        <source>any WebRTC peer, offer/answer copied and pasted by hand</source>
        <translation>beliebiger WebRTC-Peer, Angebot/Antwort von Hand kopiert und eingefügt</translation>
    </message>
    <message>
        <source>{label} must be a finite number in {range}, got {value}</source>
        <translation>{label} muss eine endliche Zahl in {range} sein, erhalten: {value}</translation>
    </message>
    <message>
        <source>must be a finite number in {range}, got {value}</source>
        <translation>muss eine endliche Zahl in {range} sein, erhalten: {value}</translation>
    </message>
    <message>
        <source>{name} must be a number, got {value}</source>
        <translation>{name} muss eine Zahl sein, erhalten: {value}</translation>
    </message>
    <message>
        <source>{message} (see --help)</source>
        <translation>{message} (siehe --help)</translation>
    </message>
    <message>
        <source>bad {flag} {value}: the URL needs one ?token= of 16-256 letters, digits, &apos;-&apos; or &apos;_&apos; (copy the URL the listening IceScope printed)</source>
        <translation>{flag} {value} ist ungültig: Die URL braucht genau ein ?token= aus 16–256 Buchstaben, Ziffern, &apos;-&apos; oder &apos;_&apos; (kopieren Sie die URL, die das lauschende IceScope ausgegeben hat)</translation>
    </message>
    <message>
        <source>bad {flag} {value}: give the URL the listening IceScope printed, {example}, the listener refuses a peer without its token</source>
        <translation>{flag} {value} ist ungültig: Geben Sie die URL an, die das lauschende IceScope ausgegeben hat, {example}; es weist einen Peer ohne sein Token ab</translation>
    </message>
    <message>
        <source>bad {flag} {value}: cannot connect to port 0</source>
        <translation>{flag} {value} ist ungültig: Zu Port 0 kann keine Verbindung aufgebaut werden</translation>
    </message>
    <message>
        <source>bad {flag} {value}: write it as HOST:PORT, e.g. 127.0.0.1:7400</source>
        <translation>{flag} {value} ist ungültig: Schreiben Sie es als HOST:PORT, z. B. 127.0.0.1:7400</translation>
    </message>
    <message>
        <source>bad {flag} {value}: the port must be a number 0-65535</source>
        <translation>{flag} {value} ist ungültig: Der Port muss eine Zahl von 0 bis 65535 sein</translation>
    </message>
    <message>
        <source>bad {flag} {value}: write an IPv6 host as [ADDRESS]:PORT</source>
        <translation>{flag} {value} ist ungültig: Schreiben Sie einen IPv6-Host als [ADRESSE]:PORT</translation>
    </message>
    <message>
        <source>bad {flag} {value}: the host must be a name, an IPv4 address or [IPv6]</source>
        <translation>{flag} {value} ist ungültig: Der Host muss ein Name, eine IPv4-Adresse oder [IPv6] sein</translation>
    </message>
    <message>
        <source>disconnected timeout must exceed the longest keepalive interval ({limit} s), got {value}</source>
        <translation>das Disconnected-Timeout muss länger sein als das längste Keepalive-Intervall ({limit} s), erhalten: {value}</translation>
    </message>
    <message>
        <source>failed timeout ({failed}) must exceed the disconnected timeout ({value})</source>
        <translation>das Failed-Timeout ({failed}) muss länger sein als das Disconnected-Timeout ({value})</translation>
    </message>
    <message>
        <source>an ICE server needs at least one URL</source>
        <translation>ein ICE-Server braucht mindestens eine URL</translation>
    </message>
    <message>
        <source>the credential of ICE server {url} must be 1-4096 characters with no control characters (it is not shown here)</source>
        <translation>das Passwort des ICE-Servers {url} muss 1–4096 Zeichen ohne Steuerzeichen haben (es wird hier nicht angezeigt)</translation>
    </message>
    <message>
        <source>TURN server {url} needs --username and --credential</source>
        <translation>TURN-Server {url} braucht --username und --credential</translation>
    </message>
    <message>
        <source>bad ICE server URL {url}: it must start with stun:, stuns:, turn: or turns:</source>
        <translation>ungültige ICE-Server-URL {url}: Sie muss mit stun:, stuns:, turn: oder turns: beginnen</translation>
    </message>
    <message>
        <source>bad ICE server URL {url}: write it as {scheme}:HOST[:PORT]</source>
        <translation>ungültige ICE-Server-URL {url}: Schreiben Sie sie als {scheme}:HOST[:PORT]</translation>
    </message>
    <message>
        <source>bad ICE server URL {url}: aiortc cannot use an IPv6 address literal here; give the server&apos;s host name or IPv4 address</source>
        <translation>ungültige ICE-Server-URL {url}: aiortc kann hier keine IPv6-Adresse verwenden; geben Sie den Hostnamen oder die IPv4-Adresse des Servers an</translation>
    </message>
    <message>
        <source>bad ICE server URL {url}: write it as {scheme}:HOST[:PORT] (HOST a name or an IPv4 address of letters, digits, dots and dashes; PORT 1-65535)</source>
        <translation>ungültige ICE-Server-URL {url}: Schreiben Sie sie als {scheme}:HOST[:PORT] (HOST ein Name oder eine IPv4-Adresse aus Buchstaben, Ziffern, Punkten und Bindestrichen; PORT 1–65535)</translation>
    </message>
    <message>
        <source>bad ICE server URL {url}: {error}</source>
        <translation>ungültige ICE-Server-URL {url}: {error}</translation>
    </message>
    <message>
        <source>bad ICE server URL {url}: no host name</source>
        <translation>ungültige ICE-Server-URL {url}: kein Hostname</translation>
    </message>
    <message>
        <source>bad ICE server URL {url}: the port is not a number 1-65535</source>
        <translation>ungültige ICE-Server-URL {url}: Der Port ist keine Zahl von 1 bis 65535</translation>
    </message>
    <message>
        <source>bad ICE server URL {url}: a {scheme}: URL takes no ?transport=</source>
        <translation>ungültige ICE-Server-URL {url}: Eine {scheme}:-URL nimmt kein ?transport=</translation>
    </message>
    <message>
        <source>bad ICE server URL {url}: only ?transport=udp or ?transport=tcp is understood</source>
        <translation>ungültige ICE-Server-URL {url}: Nur ?transport=udp oder ?transport=tcp wird verstanden</translation>
    </message>
    <message>
        <source>statistics interval must be a finite number of seconds, got {value}</source>
        <translation>das Statistikintervall muss eine endliche Zahl von Sekunden sein, erhalten: {value}</translation>
    </message>
    <message>
        <source>statistics interval must be 0 (off) or {low}-{high} s, got {value}</source>
        <translation>das Statistikintervall muss 0 (aus) oder {low}–{high} s sein, erhalten: {value}</translation>
    </message>
    <message>
        <source>unknown session mode {mode} (choose from {choices})</source>
        <translation>unbekannter Sitzungsmodus {mode} (zur Wahl: {choices})</translation>
    </message>
    <message>
        <source>mode {mode} needs HOST:PORT (--listen / --connect)</source>
        <translation>Modus {mode} braucht HOST:PORT (--listen / --connect)</translation>
    </message>
    <message>
        <source>manual mode needs both --offer-file and --answer-file</source>
        <translation>der manuelle Modus braucht --offer-file und --answer-file</translation>
    </message>
    <message>
        <source>browser port must be 0-65535, got {value}</source>
        <translation>der Port der Browserseite muss 0–65535 sein, erhalten: {value}</translation>
    </message>
    <message>
        <source>browser page token must be 16-256 letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>das Token der Browserseite muss aus 16–256 Buchstaben, Ziffern, &apos;-&apos; oder &apos;_&apos; bestehen</translation>
    </message>
    <message>
        <source>{flag} {value}: {error}</source>
        <translation>{flag} {value}: {error}</translation>
    </message>
    <message>
        <source>--time-scale needs --scenario</source>
        <translation>--time-scale braucht --scenario</translation>
    </message>
    <message>
        <source>--probe-name needs --metrics or --pushgateway</source>
        <translation>--probe-name braucht --metrics oder --pushgateway</translation>
    </message>
    <message>
        <source>bad --blackout {value}: expected AT+LENGTH[:local|remote][:in|out|both], e.g. 2+5:remote:both</source>
        <translation>--blackout {value} ist ungültig: erwartet AT+LENGTH[:local|remote][:in|out|both], z. B. 2+5:remote:both</translation>
    </message>
    <message>
        <source>bad --blackout {value}: {error}</source>
        <translation>--blackout {value} ist ungültig: {error}</translation>
    </message>
    <message>
        <source>bad --blackout {value}: unknown part {part}; expected AT+LENGTH[:local|remote][:in|out|both], e.g. 2+5:remote:both</source>
        <translation>--blackout {value} ist ungültig: unbekannter Teil {part}; erwartet AT+LENGTH[:local|remote][:in|out|both], z. B. 2+5:remote:both</translation>
    </message>
    <message>
        <source>{flag} would never happen: it is due at {at} s and the probe ends at --duration ({duration} s)</source>
        <translation>{flag} würde nie ausgeführt: fällig bei {at} s, die Probe endet bei --duration ({duration} s)</translation>
    </message>
    <message>
        <source>{flag}: the remote runs in another process and cannot be impaired from here (impair the local peer instead)</source>
        <translation>{flag}: Die Gegenseite läuft in einem anderen Prozess und kann von hier aus nicht beeinträchtigt werden (beeinträchtigen Sie stattdessen den lokalen Peer)</translation>
    </message>
    <message>
        <source>choose one remote peer, not {kinds}</source>
        <translation>wählen Sie eine Gegenseite, nicht {kinds}</translation>
    </message>
    <message>
        <source>--port, --listen-browser and --browser-offers need --browser-peer</source>
        <translation>--port, --listen-browser und --browser-offers brauchen --browser-peer</translation>
    </message>
    <message>
        <source>--ice-server {url}: give --credential or --credential-file, not both</source>
        <translation>--ice-server {url}: Geben Sie --credential oder --credential-file an, nicht beides</translation>
    </message>
    <message>
        <source>--credential-file {path}: cannot read it ({error})</source>
        <translation>--credential-file {path}: nicht lesbar ({error})</translation>
    </message>
    <message>
        <source>--credential-file {path}: larger than {limit} bytes</source>
        <translation>--credential-file {path}: größer als {limit} Bytes</translation>
    </message>
    <message>
        <source>--credential-file {path}: not UTF-8 text</source>
        <translation>--credential-file {path}: kein UTF-8-Text</translation>
    </message>
    <message>
        <source>--credential-file {path}: empty</source>
        <translation>--credential-file {path}: leer</translation>
    </message>
    <message>
        <source>--credential-file {path}: more than one line</source>
        <translation>--credential-file {path}: mehr als eine Zeile</translation>
    </message>
    <message>
        <source>unknown key(s) in {where}: {keys}</source>
        <translation>unbekannte Schlüssel in {where}: {keys}</translation>
    </message>
    <message>
        <source>session mode {mode} cannot be stored (choose from {choices})</source>
        <translation>Sitzungsmodus {mode} kann nicht gespeichert werden (zur Wahl: {choices})</translation>
    </message>
    <message>
        <source>{name} must be a list, got {kind}</source>
        <translation>{name} muss eine Liste sein, erhalten: {kind}</translation>
    </message>
    <message>
        <source>{where}: a password is not read from the settings file; give it with --credential, or let IceScope keep it in the system keyring</source>
        <translation>{where}: Ein Passwort wird nicht aus der Einstellungsdatei gelesen; geben Sie es mit --credential an oder lassen Sie IceScope es im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <source>{where} must be a table of keys, got {kind}</source>
        <translation>{where} muss eine Tabelle von Schlüsseln sein, erhalten: {kind}</translation>
    </message>
    <message>
        <source>{name} must be a {kind}, got {value}</source>
        <translation>{name} muss vom Typ {kind} sein, erhalten: {value}</translation>
    </message>
    <message>
        <source>{name} must be a list of strings, got {value}</source>
        <translation>{name} muss eine Liste von Zeichenketten sein, erhalten: {value}</translation>
    </message>
    <message>
        <source>{words} ({name})</source>
        <translation>{words} ({name})</translation>
    </message>
    <message>
        <source>duration (0 = until stopped)</source>
        <translation>Dauer (0 = bis zum Stoppen)</translation>
    </message>
    <message>
        <source>close time</source>
        <translation>Schließzeitpunkt</translation>
    </message>
    <message>
        <source>connect timeout</source>
        <translation>Verbindungs-Timeout</translation>
    </message>
    <message>
        <source>restart time</source>
        <translation>Neustartzeitpunkt</translation>
    </message>
    <message>
        <source>blackout start</source>
        <translation>Beginn des Ausfalls</translation>
    </message>
    <message>
        <source>blackout length</source>
        <translation>Dauer des Ausfalls</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>delay</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>keepalive interval</source>
        <translation>Keepalive-Intervall</translation>
    </message>
    <message>
        <source>disconnected timeout</source>
        <translation>Timeout bis „getrennt“</translation>
    </message>
    <message>
        <source>failed timeout</source>
        <translation>Timeout bis „fehlgeschlagen“</translation>
    </message>
    <message>
        <source>PAC timeout (RFC 8863)</source>
        <translation>PAC-Timeout (RFC 8863)</translation>
    </message>
    <message>
        <source>scenario time scale</source>
        <translation>Zeitfaktor des Szenarios</translation>
    </message>
    <message>
        <source>action time</source>
        <translation>Zeitpunkt der Aktion</translation>
    </message>
    <message>
        <source>repeat interval</source>
        <translation>Wiederholungsintervall</translation>
    </message>
    <message>
        <source>window bound</source>
        <translation>Fenstergrenze</translation>
    </message>
    <message>
        <source>expected maximum time</source>
        <translation>erwartete Höchstdauer</translation>
    </message>
    <message>
        <source>expected count</source>
        <translation>erwartete Anzahl</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} und {second}</translation>
    </message>
    <message>
        <source>{first} {second}</source>
        <translation>{first} {second}</translation>
    </message>
    <message>
        <source>--loss/--delay on the remote</source>
        <translation>--loss/--delay auf dem entfernten Peer</translation>
    </message>
    <message>
        <source>--config {path}: no such settings file</source>
        <translation>--config {path}: Diese Einstellungsdatei gibt es nicht</translation>
    </message>
    <message>
        <source>argument {flag}: {error}</source>
        <translation>Argument {flag}: {error}</translation>
    </message>
    <message>
        <source>the following arguments are required: {flags}</source>
        <translation>Diese Argumente sind erforderlich: {flags}</translation>
    </message>
    <message>
        <source>unrecognized arguments: {flags}</source>
        <translation>unbekannte Argumente: {flags}</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>erwartet einen Wert</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>erwartet mindestens einen Wert</translation>
    </message>
    <message>
        <source>invalid choice: {value} (choose from {choices})</source>
        <translation>ungültige Auswahl: {value} (möglich: {choices})</translation>
    </message>
    <message>
        <source>invalid {type} value: {value}</source>
        <translation>ungültiger Wert vom Typ {type}: {value}</translation>
    </message>
    <message>
        <source>not allowed with argument {flag}</source>
        <translation>nicht zusammen mit dem Argument {flag} erlaubt</translation>
    </message>
    <message>
        <source>ambiguous option: {option} could match {matches}</source>
        <translation>mehrdeutige Option: {option} passt auf {matches}</translation>
    </message>
    <message>
        <source>{option} must follow the --ice-server it belongs to</source>
        <translation>{option} muss auf das --ice-server folgen, zu dem es gehört</translation>
    </message>
    <message>
        <source>must be a number of seconds: {value}</source>
        <translation>muss eine Anzahl Sekunden sein: {value}</translation>
    </message>
    <message>
        <source>must be a finite number of seconds: {value}</source>
        <translation>muss eine endliche Anzahl Sekunden sein: {value}</translation>
    </message>
    <message>
        <source>Settings: {path} was not used: {why}. Using the defaults; the file is kept as a backup before settings are next saved.</source>
        <translation>Einstellungen: {path} wurde nicht verwendet: {why}. Es gelten die Standardwerte; die Datei wird als Sicherung aufbewahrt, bevor Einstellungen das nächste Mal gespeichert werden.</translation>
    </message>
    <message>
        <source>Settings: section {section} of {path} was not used: {why}. Using the defaults for it; the file is kept as a backup before settings are next saved.</source>
        <translation>Einstellungen: Abschnitt {section} von {path} wurde nicht verwendet: {why}. Für ihn gelten die Standardwerte; die Datei wird als Sicherung aufbewahrt, bevor Einstellungen das nächste Mal gespeichert werden.</translation>
    </message>
    <message>
        <source>cannot read it ({error})</source>
        <translation>sie kann nicht gelesen werden ({error})</translation>
    </message>
    <message>
        <source>it is {size} bytes, more than a settings file can be</source>
        <translation>sie ist {size} Bytes groß, mehr als eine Einstellungsdatei sein kann</translation>
    </message>
    <message>
        <source>it is not valid JSON</source>
        <translation>sie ist kein gültiges JSON</translation>
    </message>
    <message>
        <source>it is not valid JSON (line {line}, column {column}: {error})</source>
        <translation>sie ist kein gültiges JSON (Zeile {line}, Spalte {column}: {error})</translation>
    </message>
    <message>
        <source>it does not hold a JSON object</source>
        <translation>sie enthält kein JSON-Objekt</translation>
    </message>
    <message>
        <source>it is version {version}; this IceScope reads version {expected}</source>
        <translation>sie hat Version {version}; dieses IceScope liest Version {expected}</translation>
    </message>
    <message>
        <source>unknown section(s) {sections} were ignored</source>
        <translation>unbekannte Abschnitte {sections} wurden ignoriert</translation>
    </message>
    <message>
        <source>recent must be a list of {{when, session, journal}} entries</source>
        <translation>recent muss eine Liste von Einträgen {{when, session, journal}} sein</translation>
    </message>
    <message>
        <source>{name} must be a table of plain values (text, numbers, true/false, lists)</source>
        <translation>{name} muss eine Tabelle einfacher Werte sein (Text, Zahlen, true/false, Listen)</translation>
    </message>
    <message>
        <source>unknown impairment {kind}: use one of {kinds}</source>
        <translation>unbekannte Beeinträchtigung {kind}: Verwenden Sie eine von {kinds}</translation>
    </message>
    <message>
        <source>unknown direction {direction}: use in, out or both</source>
        <translation>unbekannte Richtung {direction}: Verwenden Sie in, out oder both</translation>
    </message>
    <message>
        <source>impairment value must be a finite number, got {value}</source>
        <translation>Der Wert der Beeinträchtigung muss eine endliche Zahl sein, erhalten: {value}</translation>
    </message>
    <message>
        <source>loss must be 0-100 %, got {value}</source>
        <translation>Der Verlust muss 0–100 % betragen, erhalten: {value}</translation>
    </message>
    <message>
        <source>delay must be 0-{limit} ms, got {value}</source>
        <translation>Die Verzögerung muss 0–{limit} ms betragen, erhalten: {value}</translation>
    </message>
    <message>
        <source>blackout length must be 0 (until cleared) to {limit} s, got {value}</source>
        <translation>Die Dauer des Ausfalls muss 0 (bis aufgehoben) bis {limit} s betragen, erhalten: {value}</translation>
    </message>
    <message>
        <source>cannot impair the {peer} peer: {why}</source>
        <translation>Der Peer ({peer}) kann nicht beeinträchtigt werden: {why}</translation>
    </message>
    <message>
        <source>the session has not started</source>
        <translation>Die Sitzung hat nicht begonnen</translation>
    </message>
    <message>
        <source>it does not run in this process (impair the local peer instead)</source>
        <translation>Er läuft nicht in diesem Prozess (beeinträchtigen Sie stattdessen den lokalen Peer)</translation>
    </message>
    <message>
        <source>it is closed</source>
        <translation>Er ist geschlossen</translation>
    </message>
    <message>
        <source>impairment is {refused}</source>
        <translation>Beeinträchtigung ist {refused}</translation>
    </message>
    <message>
        <source>bad --pushgateway {value}: write it as http://HOST:PORT</source>
        <translation>--pushgateway {value} ist ungültig: Schreiben Sie es als http://HOST:PORT</translation>
    </message>
    <message>
        <source>bad --probe-name {value}: 1-128 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>--probe-name {value} ist ungültig: 1–128 Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos;</translation>
    </message>
    <message>
        <source>not an IP address: {value}</source>
        <translation>keine IP-Adresse: {value}</translation>
    </message>
    <message>
        <source>--address {value} is not an IP address</source>
        <translation>--address {value} ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>--address {value}: this machine has no such address (it has {known})</source>
        <translation>--address {value}: Dieser Rechner hat diese Adresse nicht (er hat {known})</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>unknown remote mode {mode}</source>
        <translation>unbekannter Modus des entfernten Peers {mode}</translation>
    </message>
    <message>
        <source>--offer-file {path}: {error}</source>
        <translation>Angebotsdatei --offer-file {path}: {error}</translation>
    </message>
    <message>
        <source>cannot listen on {host}:{port}: {error}</source>
        <translation>Lauschen auf {host}:{port} nicht möglich: {error}</translation>
    </message>
    <message>
        <source>cannot serve the browser peer on {host}:{port}: {error}</source>
        <translation>Der Browser-Peer kann nicht auf {host}:{port} bereitgestellt werden: {error}</translation>
    </message>
    <message>
        <source>scenario {path}, {where}, {what}: {reason}</source>
        <translation>Szenario {path}, {where}, {what}: {reason}</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>Zeile {line}</translation>
    </message>
    <message>
        <source>line unknown</source>
        <translation>Zeile unbekannt</translation>
    </message>
    <message>
        <source>{table} field {field}</source>
        <translation>{table} Feld {field}</translation>
    </message>
    <message>
        <source>top level</source>
        <translation>oberste Ebene</translation>
    </message>
    <message>
        <source>scenario {path}: cannot read it: {error}</source>
        <translation>Szenario {path}: kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>scenario {path}: larger than {limit} bytes</source>
        <translation>Szenario {path}: größer als {limit} Bytes</translation>
    </message>
    <message>
        <source>scenario {path}, line {line}: not UTF-8 text</source>
        <translation>Szenario {path}, Zeile {line}: kein UTF-8-Text</translation>
    </message>
    <message>
        <source>scenario {path}, line {line}: not valid TOML: {reason}</source>
        <translation>Szenario {path}, Zeile {line}: kein gültiges TOML: {reason}</translation>
    </message>
    <message>
        <source>scenario {path}: not valid TOML: nested too deeply</source>
        <translation>Szenario {path}: kein gültiges TOML: zu tief verschachtelt</translation>
    </message>
    <message>
        <source>must be a table, got {kind}</source>
        <translation>muss eine Tabelle sein, erhalten: {kind}</translation>
    </message>
    <message>
        <source>unknown field (known: {known})</source>
        <translation>unbekanntes Feld (bekannt: {known})</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>must be a string, got {value}</source>
        <translation>muss eine Zeichenkette sein, erhalten: {value}</translation>
    </message>
    <message>
        <source>must be one of {choices}, got {value}</source>
        <translation>muss eines von {choices} sein, erhalten: {value}</translation>
    </message>
    <message>
        <source>must be true or false, got {value}</source>
        <translation>muss true oder false sein, erhalten: {value}</translation>
    </message>
    <message>
        <source>must be a whole number, got {value}</source>
        <translation>muss eine ganze Zahl sein, erhalten: {value}</translation>
    </message>
    <message>
        <source>must be an array of tables ([[...]] sections)</source>
        <translation>muss ein Array von Tabellen sein ([[...]]-Abschnitte)</translation>
    </message>
    <message>
        <source>at most {limit} entries, got {count}</source>
        <translation>höchstens {limit} Einträge, erhalten: {count}</translation>
    </message>
    <message>
        <source>applies to kind listen or connect, not {kind}</source>
        <translation>gilt für kind listen oder connect, nicht für {kind}</translation>
    </message>
    <message>
        <source>must be a whole number 0-65535, got {value}</source>
        <translation>muss eine ganze Zahl von 0 bis 65535 sein, erhalten: {value}</translation>
    </message>
    <message>
        <source>needs kind browser</source>
        <translation>braucht kind browser</translation>
    </message>
    <message>
        <source>does not apply to {do}</source>
        <translation>gilt nicht für {do}</translation>
    </message>
    <message>
        <source>needs {missing} too (every and until go together)</source>
        <translation>braucht auch {missing} (every und until gehören zusammen)</translation>
    </message>
    <message>
        <source>must not be before at ({at}), got {until}</source>
        <translation>darf nicht vor at ({at}) liegen, erhalten: {until}</translation>
    </message>
    <message>
        <source>expands to more than {limit} actions</source>
        <translation>ergibt mehr als {limit} Aktionen</translation>
    </message>
    <message>
        <source>more than {limit} actions</source>
        <translation>mehr als {limit} Aktionen</translation>
    </message>
    <message>
        <source>does not apply to check {check}</source>
        <translation>gilt nicht für die Prüfung {check}</translation>
    </message>
    <message>
        <source>must not be before from ({start}), got {end}</source>
        <translation>darf nicht vor from ({start}) liegen, erhalten: {end}</translation>
    </message>
</context>
<context>
    <name>DesktopMenus</name>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Recen&amp;t sessions</source>
        <translation>&amp;Letzte Sitzungen</translation>
    </message>
    <message>
        <source>Open &amp;journal folder</source>
        <translation>&amp;Journal-Ordner öffnen</translation>
    </message>
    <message>
        <source>&amp;Copy versions</source>
        <translation>&amp;Versionen kopieren</translation>
    </message>
    <message>
        <source>Copy the versions of IceScope, its libraries and the OS</source>
        <translation>Die Versionen von IceScope, seinen Bibliotheken und dem Betriebssystem kopieren</translation>
    </message>
    <message>
        <source>Cannot open the journal folder: </source>
        <translation>Der Journal-Ordner kann nicht geöffnet werden: </translation>
    </message>
    <message>
        <source>No file manager opened the journal folder: </source>
        <translation>Kein Dateimanager hat den Journal-Ordner geöffnet: </translation>
    </message>
    <message>
        <source>No recent sessions</source>
        <translation>Keine letzten Sitzungen</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Unexpected error: {0}. Details are in the log output.</source>
        <translation>Unerwarteter Fehler: {0}. Einzelheiten stehen in der Log-Ausgabe.</translation>
    </message>
</context>
<context>
    <name>EventLog</name>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Vergangen</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Peer</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>abandoned</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>end</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>on</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>off</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>clear</source>
        <translation>aufgehoben</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>derived</source>
        <translation>abgeleitet</translation>
    </message>
    <message>
        <source>local-close</source>
        <translation>lokal geschlossen</translation>
    </message>
    <message>
        <source>auto-close</source>
        <translation>von selbst geschlossen</translation>
    </message>
    <message>
        <source>remote-close</source>
        <translation>von der Gegenseite geschlossen</translation>
    </message>
    <message>
        <source>page-closed</source>
        <translation>Seite geschlossen</translation>
    </message>
    <message>
        <source>signaling-lost</source>
        <translation>Signalisierung verloren</translation>
    </message>
    <message>
        <source>process-exit</source>
        <translation>Programmende</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>ersetzt</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>gemeldet</translation>
    </message>
    <message>
        <source>remote</source>
        <translation>von der Gegenseite</translation>
    </message>
    <message>
        <source>engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>after {0} s in {1}</source>
        <translation>nach {0} s in {1}</translation>
    </message>
    <message>
        <source>ICE transport {0}</source>
        <translation>ICE-Transport {0}</translation>
    </message>
    <message>
        <source>{0}: {1} → {2} ({3})</source>
        <translation>{0}: {1} → {2} ({3})</translation>
    </message>
    <message>
        <source>in {0} ms</source>
        <translation>in {0} ms</translation>
    </message>
    <message>
        <source>connectivity found before Tpac ran out</source>
        <translation>Konnektivität gefunden, bevor Tpac ablief</translation>
    </message>
    <message>
        <source>no candidate pair succeeded within Tpac ({0} s): no path to the remote</source>
        <translation>kein Kandidatenpaar war innerhalb von Tpac ({0} s) erfolgreich: kein Weg zur Gegenseite</translation>
    </message>
    <message>
        <source>restart: {0}</source>
        <translation>Neustart: {0}</translation>
    </message>
    <message>
        <source>sent {0} · received {1}</source>
        <translation>gesendet {0} · empfangen {1}</translation>
    </message>
    <message>
        <source>queued {0}</source>
        <translation>in der Warteschlange {0}</translation>
    </message>
    <message>
        <source>(final)</source>
        <translation>(endgültig)</translation>
    </message>
    <message>
        <source>{0} statistics entries ({1})</source>
        <translation>{0} Statistikeinträge ({1})</translation>
    </message>
    <message>
        <source>ICE role {0}</source>
        <translation>ICE-Rolle {0}</translation>
    </message>
    <message>
        <source>data channel {0} {1}</source>
        <translation>Datenkanal {0} {1}</translation>
    </message>
    <message>
        <source>report channel {0} open</source>
        <translation>Meldekanal {0} offen</translation>
    </message>
    <message>
        <source>report channel {0} gone</source>
        <translation>Meldekanal {0} weg</translation>
    </message>
    <message>
        <source>local {0} ready to copy (candidates: {1})</source>
        <translation>eigenes {0} zum Kopieren bereit (Kandidaten: {1})</translation>
    </message>
    <message>
        <source>call {0}</source>
        <translation>Anruf {0}</translation>
    </message>
    <message>
        <source>call {0} began: {1}</source>
        <translation>Anruf {0} begann: {1}</translation>
    </message>
    <message>
        <source>why {0}: {1}</source>
        <translation>warum {0}: {1}</translation>
    </message>
</context>
<context>
    <name>EventLogView</name>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Copy rows</source>
        <translation>Zeilen kopieren</translation>
    </message>
    <message>
        <source>All event types</source>
        <translation>Alle Ereignistypen</translation>
    </message>
    <message>
        <source>Both peers</source>
        <translation>Beide Peers</translation>
    </message>
    <message>
        <source>local peer</source>
        <translation>lokaler Peer</translation>
    </message>
    <message>
        <source>remote peer</source>
        <translation>entfernter Peer</translation>
    </message>
    <message>
        <source>Follow new events. Scrolling up pauses; scrolling back to the bottom resumes.</source>
        <translation>Neuen Ereignissen folgen. Hochscrollen pausiert; zurück nach unten scrollen setzt fort.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>JSON Lines…</source>
        <translation>JSON Lines…</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Save the events shown (after filters) to a file</source>
        <translation>Die angezeigten Ereignisse (nach Filtern) in eine Datei speichern</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text (Ctrl+C)</source>
        <translation>Die ausgewählten Zeilen als tabulatorgetrennten Text kopieren (Strg+C)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>All event types ▾</source>
        <translation>Alle Ereignistypen ▾</translation>
    </message>
    <message>
        <source>{0} event types ▾</source>
        <translation>{0} Ereignistypen ▾</translation>
    </message>
    <message>
        <source>{0} rows</source>
        <translation>{0} Zeilen</translation>
    </message>
    <message>
        <source>{0} of {1} rows</source>
        <translation>{0} von {1} Zeilen</translation>
    </message>
    <message>
        <source> ({0} oldest dropped from view; journal has all)</source>
        <translation> ({0} älteste aus der Ansicht entfernt; das Journal enthält alle)</translation>
    </message>
    <message>
        <source>Following ↓</source>
        <translation>Folgt ↓</translation>
    </message>
    <message>
        <source>Paused: scroll to bottom to resume ↓</source>
        <translation>Pausiert: nach unten scrollen, um fortzusetzen ↓</translation>
    </message>
    <message>
        <source>Export events shown</source>
        <translation>Angezeigte Ereignisse exportieren</translation>
    </message>
    <message>
        <source>Could not export to {0}: {1}</source>
        <translation>Export nach {0} fehlgeschlagen: {1}</translation>
    </message>
    <message>
        <source>Only this type ({0})</source>
        <translation>Nur dieser Typ ({0})</translation>
    </message>
    <message>
        <source>Only this peer ({0})</source>
        <translation>Nur dieser Peer ({0})</translation>
    </message>
    <message>
        <source>Show all rows</source>
        <translation>Alle Zeilen anzeigen</translation>
    </message>
    <message>
        <source>Search the log (Ctrl+F)</source>
        <translation>Protokoll durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Show only rows containing this text (any column, any case). Esc clears.</source>
        <translation>Nur Zeilen anzeigen, die diesen Text enthalten (beliebige Spalte, Groß-/Kleinschreibung egal). Esc leert das Feld.</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Protokoll durchsuchen</translation>
    </message>
</context>
<context>
    <name>Graphs</name>
    <message>
        <source>round-trip time (ms)</source>
        <translation>Umlaufzeit (ms)</translation>
    </message>
    <message>
        <source>bytes received per second</source>
        <translation>empfangene Bytes pro Sekunde</translation>
    </message>
    <message>
        <source>heartbeat messages received per second</source>
        <translation>empfangene Heartbeat-Nachrichten pro Sekunde</translation>
    </message>
    <message>
        <source>Blue: local peer · orange: remote peer · red bands: impairments.
Wheel: zoom the time span · double-click: the whole session.</source>
        <translation>Blau: lokaler Peer · Orange: entfernter Peer · rote Bänder: Störungen.
Mausrad: Zeitraum zoomen · Doppelklick: die ganze Sitzung.</translation>
    </message>
    <message>
        <source>{0} s (session time) · span {1} s</source>
        <translation>{0} s (Sitzungszeit) · Spanne {1} s</translation>
    </message>
</context>
<context>
    <name>HostPicker</name>
    <message>
        <source>All interfaces (aioice&apos;s default: every non-loopback address)</source>
        <translation>Alle Schnittstellen (Vorgabe von aioice: jede Adresse außer Loopback)</translation>
    </message>
    <message>
        <source>Loopback only (127.0.0.1)</source>
        <translation>Nur Loopback (127.0.0.1)</translation>
    </message>
    <message>
        <source>Only the interfaces / addresses ticked below</source>
        <translation>Nur die unten angehakten Schnittstellen / Adressen</translation>
    </message>
    <message>
        <source>{0}  (whole interface)</source>
        <translation>{0}  (ganze Schnittstelle)</translation>
    </message>
    <message>
        <source>{0}  (not present now)</source>
        <translation>{0}  (derzeit nicht vorhanden)</translation>
    </message>
</context>
<context>
    <name>ImpairPanel</name>
    <message>
        <source>Impair network</source>
        <translation>Netzwerk stören</translation>
    </message>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <source>remote</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>Whose ICE sockets to impair</source>
        <translation>Wessen ICE-Sockets gestört werden</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>in</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>out</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>in = packets arriving at that peer, out = leaving it</source>
        <translation>ein = Pakete, die bei diesem Peer ankommen, aus = Pakete, die ihn verlassen</translation>
    </message>
    <message>
        <source>Blackout now</source>
        <translation>Ausfall jetzt</translation>
    </message>
    <message>
        <source>Drop every packet until you click Clear</source>
        <translation>Jedes Paket verwerfen, bis Sie auf „Alle aufheben“ klicken</translation>
    </message>
    <message>
        <source>Blackout for</source>
        <translation>Ausfall für</translation>
    </message>
    <message>
        <source>Drop every packet for the given time, then restore</source>
        <translation>Jedes Paket für die angegebene Zeit verwerfen, dann wiederherstellen</translation>
    </message>
    <message>
        <source>Set loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Set delay</source>
        <translation>Verzögern</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Alle aufheben</translation>
    </message>
    <message>
        <source>Remove every impairment of this peer</source>
        <translation>Alle Störungen dieses Peers entfernen</translation>
    </message>
    <message>
        <source>No impairment active</source>
        <translation>Keine Störung aktiv</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Peer</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>{0} (remote: {1})</source>
        <translation>{0} (entfernt: {1})</translation>
    </message>
    <message>
        <source>Active: {0}</source>
        <translation>Aktiv: {0}</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Legend:</source>
        <translation>Legende:</translation>
    </message>
    <message>
        <source>legend: {0}</source>
        <translation>Legende: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Local peer (this app)</source>
        <translation>Lokaler Peer (diese App)</translation>
    </message>
    <message>
        <source>ICE connection state of the local peer</source>
        <translation>ICE-Verbindungszustand des lokalen Peers</translation>
    </message>
    <message>
        <source>Remote peer</source>
        <translation>Entfernter Peer</translation>
    </message>
    <message>
        <source>ICE connection state of the remote peer</source>
        <translation>ICE-Verbindungszustand des entfernten Peers</translation>
    </message>
    <message>
        <source>No session</source>
        <translation>Keine Sitzung</translation>
    </message>
    <message>
        <source>IceScope</source>
        <translation>IceScope</translation>
    </message>
    <message>
        <source>no session is running</source>
        <translation>es läuft keine Sitzung</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>waiting for the remote to come back</source>
        <translation>wartet auf die Rückkehr des entfernten Peers</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>view only (no live session)</source>
        <translation>nur Ansicht (keine laufende Sitzung)</translation>
    </message>
    <message>
        <source>Session {0} · mode {1} · {2}</source>
        <translation>Sitzung {0} · Modus {1} · {2}</translation>
    </message>
    <message>
        <source>IceScope — {0}</source>
        <translation>IceScope — {0}</translation>
    </message>
</context>
<context>
    <name>MiniState</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
    <message>
        <source> (stale: last reported value)</source>
        <translation> (veraltet: zuletzt gemeldeter Wert)</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>  (+{0} more in the log)</source>
        <translation>  (+{0} weitere im Log)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
</context>
<context>
    <name>OpenEvidence</name>
    <message>
        <source>Evidence (*.jsonl *.json *.txt *.gz *.log)</source>
        <translation>Belege (*.jsonl *.json *.txt *.gz *.log)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open an IceScope journal, a chrome://webrtc-internals dump (.txt, .gz) or an rtcstats dump, shown as a recording</source>
        <translation>Ein IceScope-Journal, einen chrome://webrtc-internals-Dump (.txt, .gz) oder einen rtcstats-Dump öffnen und als Aufzeichnung anzeigen</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Compare two sessions…</source>
        <translation>Zwei Sitzungen &amp;vergleichen…</translation>
    </message>
    <message>
        <source>Open evidence</source>
        <translation>Belege öffnen</translation>
    </message>
    <message>
        <source>Cannot open {0}: {1}</source>
        <translation>{0} kann nicht geöffnet werden: {1}</translation>
    </message>
    <message>
        <source>Choose peer connections</source>
        <translation>Peer-Verbindungen wählen</translation>
    </message>
    <message>
        <source>Peer connections</source>
        <translation>Peer-Verbindungen</translation>
    </message>
    <message>
        <source>{0} holds {1} peer connections. Choose one or more (Ctrl+click); each is shown as a recording.</source>
        <translation>{0} enthält {1} Peer-Verbindungen. Wählen Sie eine oder mehrere (Strg+Klick); jede wird als Aufzeichnung angezeigt.</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>{0} no longer exists</source>
        <translation>{0} existiert nicht mehr</translation>
    </message>
</context>
<context>
    <name>PairsModel</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>{0} (old)</source>
        <translation>{0} (alt)</translation>
    </message>
    <message>
        <source>Gen</source>
        <translation>Gen.</translation>
    </message>
    <message>
        <source>ICE generation (local ufrag); old = replaced by a restart</source>
        <translation>ICE-Generation (lokales ufrag); alt = durch einen Neustart ersetzt</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>local candidate</source>
        <translation>lokaler Kandidat</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>remote candidate</source>
        <translation>entfernter Kandidat</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>candidate-pair state</source>
        <translation>Zustand des Kandidatenpaars</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Nom.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>nominated</source>
        <translation>nominiert</translation>
    </message>
    <message>
        <source>Sel</source>
        <translation>Ausg.</translation>
    </message>
    <message>
        <source>SELECTED</source>
        <translation>AUSGEWÄHLT</translation>
    </message>
    <message>
        <source>selected pair</source>
        <translation>ausgewähltes Paar</translation>
    </message>
    <message>
        <source>Req out/in</source>
        <translation>Anfr. aus/ein</translation>
    </message>
    <message>
        <source>STUN requests</source>
        <translation>STUN-Anfragen</translation>
    </message>
    <message>
        <source>Resp out/in</source>
        <translation>Antw. aus/ein</translation>
    </message>
    <message>
        <source>responses</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>RTT ms</source>
        <translation>RTT ms</translation>
    </message>
    <message>
        <source>current round-trip time</source>
        <translation>aktuelle Umlaufzeit</translation>
    </message>
    <message>
        <source>avg ms</source>
        <translation>Ø ms</translation>
    </message>
    <message>
        <source>total RTT / responses received</source>
        <translation>gesamte RTT / empfangene Antworten</translation>
    </message>
    <message>
        <source>Bytes out/in</source>
        <translation>Bytes aus/ein</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Pkts out/in</source>
        <translation>Pakete aus/ein</translation>
    </message>
    <message>
        <source>packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>Last in</source>
        <translation>Zuletzt ein</translation>
    </message>
    <message>
        <source>session time of the last packet received</source>
        <translation>Sitzungszeit des zuletzt empfangenen Pakets</translation>
    </message>
    <message>
        <source>Last out</source>
        <translation>Zuletzt aus</translation>
    </message>
    <message>
        <source>session time of the last packet sent</source>
        <translation>Sitzungszeit des zuletzt gesendeten Pakets</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>ICE generation (ufrag)</source>
        <translation>ICE-Generation (ufrag)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>host, srflx, prflx, relay</source>
        <translation>host, srflx, prflx, relay</translation>
    </message>
    <message>
        <source>Proto</source>
        <translation>Proto</translation>
    </message>
    <message>
        <source>transport protocol</source>
        <translation>Transportprotokoll</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>ICE priority</source>
        <translation>ICE-Priorität</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>STUN/TURN server the candidate came from</source>
        <translation>STUN-/TURN-Server, von dem der Kandidat stammt</translation>
    </message>
</context>
<context>
    <name>PairsView</name>
    <message>
        <source>No statistics yet (they arrive once a second).</source>
        <translation>Noch keine Statistiken (sie kommen einmal pro Sekunde).</translation>
    </message>
    <message>
        <source>not connected yet</source>
        <translation>noch nicht verbunden</translation>
    </message>
    <message>
        <source>connected {0} ms after checking</source>
        <translation>verbunden {0} ms nach checking</translation>
    </message>
    <message>
        <source>&lt;b&gt;bold&lt;/b&gt; = selected pair, grey = old ICE generation</source>
        <translation>&lt;b&gt;fett&lt;/b&gt; = ausgewähltes Paar, grau = alte ICE-Generation</translation>
    </message>
</context>
<context>
    <name>PeerPanel</name>
    <message>
        <source>connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>gathering</source>
        <translation>Sammeln</translation>
    </message>
    <message>
        <source>signaling</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>ICE transport</source>
        <translation>ICE-Transport</translation>
    </message>
</context>
<context>
    <name>PeerView</name>
    <message>
        <source>reported by the library (in-process peer)</source>
        <translation>gemeldet von der Bibliothek (Peer im selben Prozess)</translation>
    </message>
    <message>
        <source>reported by the browser page</source>
        <translation>gemeldet von der Browserseite</translation>
    </message>
    <message>
        <source>reported by the other IceScope</source>
        <translation>gemeldet vom anderen IceScope</translation>
    </message>
    <message>
        <source>reported by the library</source>
        <translation>gemeldet von der Bibliothek</translation>
    </message>
    <message>
        <source>derived by IceScope (W3C rules)</source>
        <translation>von IceScope abgeleitet (W3C-Regeln)</translation>
    </message>
    <message>
        <source>closed here: close() (no browser event)</source>
        <translation>hier geschlossen: close() (kein Browser-Ereignis)</translation>
    </message>
    <message>
        <source>closed by the library on its own</source>
        <translation>von der Bibliothek selbst geschlossen</translation>
    </message>
    <message>
        <source>closed: the remote said goodbye</source>
        <translation>geschlossen: die Gegenseite hat sich verabschiedet</translation>
    </message>
    <message>
        <source>closed: the browser page closed it</source>
        <translation>geschlossen: die Browserseite hat sie geschlossen</translation>
    </message>
    <message>
        <source>closed: signaling to the remote was lost</source>
        <translation>geschlossen: die Signalisierung zur Gegenseite ist abgerissen</translation>
    </message>
    <message>
        <source>closed: IceScope is exiting</source>
        <translation>geschlossen: IceScope wird beendet</translation>
    </message>
    <message>
        <source>closed: a new call replaced it</source>
        <translation>geschlossen: ein neuer Anruf hat ihn ersetzt</translation>
    </message>
    <message>
        <source>this remote does not report its states (copy-and-paste signaling carries none)</source>
        <translation>diese Gegenseite meldet ihre Zustände nicht (Signalisierung per Kopieren und Einfügen überträgt keine)</translation>
    </message>
    <message>
        <source>this remote does not report its states (offer/answer files carry none)</source>
        <translation>diese Gegenseite meldet ihre Zustände nicht (Angebots-/Antwortdateien übertragen keine)</translation>
    </message>
    <message>
        <source>the browser page has not reported its states yet</source>
        <translation>die Browserseite hat ihre Zustände noch nicht gemeldet</translation>
    </message>
    <message>
        <source>the other IceScope has not reported its states yet</source>
        <translation>das andere IceScope hat seine Zustände noch nicht gemeldet</translation>
    </message>
    <message>
        <source>the in-process peer has not started yet</source>
        <translation>der Peer im selben Prozess ist noch nicht gestartet</translation>
    </message>
    <message>
        <source>its report channel is gone: {0}</source>
        <translation>sein Meldekanal ist weg: {0}</translation>
    </message>
    <message>
        <source>no report from this remote yet</source>
        <translation>noch keine Meldung von dieser Gegenseite</translation>
    </message>
    <message>
        <source>initial value (nothing reported yet)</source>
        <translation>Anfangswert (noch nichts gemeldet)</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <source>{0} min {1} s</source>
        <translation>{0} min {1} s</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} h {1} min</translation>
    </message>
    <message>
        <source>.</source>
        <translation>,</translation>
    </message>
    <message>
        <source>IceScope&apos;s aiortc peer</source>
        <translation>Der aiortc-Peer von IceScope</translation>
    </message>
    <message>
        <source>offerer</source>
        <translation>bietet an</translation>
    </message>
    <message>
        <source>answerer</source>
        <translation>antwortet</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Settings not saved: </source>
        <translation>Einstellungen nicht gespeichert: </translation>
    </message>
</context>
<context>
    <name>QuitGuard</name>
    <message>
        <source>Quit IceScope?</source>
        <translation>IceScope beenden?</translation>
    </message>
    <message>
        <source>A session is still running. Quit and close it?</source>
        <translation>Eine Sitzung läuft noch. Beenden und die Sitzung schließen?</translation>
    </message>
    <message>
        <source>The session is closed the way Close does it: heartbeats drain, the summary is written.</source>
        <translation>Die Sitzung wird wie mit „Sitzung schließen“ beendet: die Heartbeats werden abgewartet, die Zusammenfassung wird geschrieben.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Don&apos;t ask again</source>
        <translation>Nicht mehr fragen</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>no session: start one with New session… (Ctrl+N)</source>
        <translation>keine Sitzung: starten Sie eine mit „Neue Sitzung…“ (Strg+N)</translation>
    </message>
    <message>
        <source>wait: the session is starting or closing</source>
        <translation>bitte warten: die Sitzung startet oder schließt gerade</translation>
    </message>
    <message>
        <source>the session has not started yet</source>
        <translation>die Sitzung hat noch nicht begonnen</translation>
    </message>
    <message>
        <source>the remote runs in another process (impair the local peer instead)</source>
        <translation>die Gegenseite läuft in einem anderen Prozess (stören Sie stattdessen den lokalen Peer)</translation>
    </message>
    <message>
        <source>no remote peer yet: a restart needs one to answer (open the page, connect the peer or paste its description first)</source>
        <translation>noch kein entfernter Peer: ein Neustart braucht einen, der antwortet (zuerst die Seite öffnen, den Peer verbinden oder seine Beschreibung einfügen)</translation>
    </message>
    <message>
        <source>the remote is gone ({0}): nobody would answer a restart&apos;s offer</source>
        <translation>der entfernte Peer ist weg ({0}): niemand würde das Angebot eines Neustarts beantworten</translation>
    </message>
    <message>
        <source>the call ended ({0}); the session waits for the remote to come back (reopen the page or connect the peer again)</source>
        <translation>der Anruf endete ({0}); die Sitzung wartet auf die Rückkehr des entfernten Peers (Seite erneut öffnen oder den Peer wieder verbinden)</translation>
    </message>
    <message>
        <source>the remote peer closed its connection: nobody would answer a restart&apos;s offer</source>
        <translation>der entfernte Peer hat seine Verbindung geschlossen: niemand würde das Angebot eines Neustarts beantworten</translation>
    </message>
    <message>
        <source>session closed</source>
        <translation>Sitzung geschlossen</translation>
    </message>
    <message>
        <source>session closed: {0}</source>
        <translation>Sitzung geschlossen: {0}</translation>
    </message>
    <message>
        <source>the Python package &apos;keyring&apos; is not installed (pip install &apos;icescope[keyring]&apos;)</source>
        <translation>das Python-Paket „keyring“ ist nicht installiert (pip install &apos;icescope[keyring]&apos;)</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Interrupted session</source>
        <translation>Unterbrochene Sitzung</translation>
    </message>
    <message>
        <source>The session started {0} did not end: IceScope was closed without closing it (a crash, or the process was killed). Its journal has every event up to then.</source>
        <translation>Die am {0} gestartete Sitzung wurde nicht beendet: IceScope wurde geschlossen, ohne sie zu schließen (ein Absturz, oder der Prozess wurde beendet). Ihr Journal enthält jedes Ereignis bis dahin.</translation>
    </message>
    <message>
        <source>Open the journal to see the session as it was?
{0}</source>
        <translation>Das Journal öffnen, um die Sitzung so zu sehen, wie sie war?
{0}</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Nicht jetzt</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t ask for this one</source>
        <translation>Für diese nicht mehr fr&amp;agen</translation>
    </message>
</context>
<context>
    <name>RemotePages</name>
    <message>
        <source>HOST:PORT, e.g. 0.0.0.0:7400 (port 0: any free port)</source>
        <translation>HOST:PORT, z. B. 0.0.0.0:7400 (Port 0: ein beliebiger freier Port)</translation>
    </message>
    <message>
        <source>tcp://HOST:PORT/?token=… as the listener shows it</source>
        <translation>tcp://HOST:PORT/?token=… wie es die lauschende Seite anzeigt</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <source>The browser sends the offer (IceScope answers)</source>
        <translation>Der Browser sendet das Angebot (IceScope antwortet)</translation>
    </message>
    <message>
        <source>IceScope writes the offer; I paste the answer</source>
        <translation>IceScope schreibt das Angebot; ich füge die Antwort ein</translation>
    </message>
    <message>
        <source>I paste the remote&apos;s offer; IceScope answers</source>
        <translation>Ich füge das Angebot der Gegenseite ein; IceScope antwortet</translation>
    </message>
    <message>
        <source>Both peers run in this app over in-memory signaling; ICE uses 127.0.0.1 only. Good for trying impairments.</source>
        <translation>Beide Peers laufen in dieser App mit Signalisierung im Speicher; ICE nutzt nur 127.0.0.1. Gut zum Ausprobieren von Störungen.</translation>
    </message>
    <message>
        <source>Serve the page on</source>
        <translation>Seite bereitstellen auf</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Once started, the page URL appears in the window with a Copy button.</source>
        <translation>Nach dem Start erscheint die URL der Seite im Fenster, mit einer Schaltfläche zum Kopieren.</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>Warten auf</translation>
    </message>
    <message>
        <source>Port 0 picks a free port; the window then shows the address to give the other IceScope (Connect to it).</source>
        <translation>Port 0 wählt einen freien Port; das Fenster zeigt dann die Adresse, die das andere IceScope braucht („mit ihm verbinden“).</translation>
    </message>
    <message>
        <source>Connect to</source>
        <translation>Verbinden mit</translation>
    </message>
    <message>
        <source>Retries for 10 s while the other IceScope is not listening yet.</source>
        <translation>Versucht es 10 s lang erneut, solange das andere IceScope noch nicht wartet.</translation>
    </message>
    <message>
        <source>Text boxes for both descriptions appear in the window.</source>
        <translation>Textfelder für beide Beschreibungen erscheinen im Fenster.</translation>
    </message>
    <message>
        <source>Offer file</source>
        <translation>Angebotsdatei</translation>
    </message>
    <message>
        <source>Answer file</source>
        <translation>Antwortdatei</translation>
    </message>
    <message>
        <source>If the offer file exists at start, IceScope answers it.</source>
        <translation>Gibt es die Angebotsdatei beim Start schon, antwortet IceScope darauf.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>ReportMenu</name>
    <message>
        <source>Export &amp;HTML report…</source>
        <translation>&amp;HTML-Bericht exportieren…</translation>
    </message>
    <message>
        <source>One HTML file with the verdict, timeline, events, pairs and configuration (addresses replaced, no credentials)</source>
        <translation>Eine HTML-Datei mit Urteil, Zeitleiste, Ereignissen, Paaren und Konfiguration (Adressen ersetzt, keine Zugangsdaten)</translation>
    </message>
    <message>
        <source>&amp;Report a problem…</source>
        <translation>Problem &amp;melden…</translation>
    </message>
    <message>
        <source>there is no session to report on</source>
        <translation>es gibt keine Sitzung, über die berichtet werden kann</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML-Bericht (*.html)</translation>
    </message>
    <message>
        <source>Report a problem</source>
        <translation>Problem melden</translation>
    </message>
    <message>
        <source>A report of this session was saved as
{0}
(the path is on the clipboard). Attach it to the bug ticket: it holds no credentials, and IP addresses are replaced.</source>
        <translation>Ein Bericht dieser Sitzung wurde gespeichert unter
{0}
(der Pfad ist in der Zwischenablage). Hängen Sie ihn an das Ticket an: Er enthält keine Zugangsdaten, und IP-Adressen sind ersetzt.</translation>
    </message>
    <message>
        <source>cannot write the report {0}: {1}</source>
        <translation>Der Bericht {0} kann nicht geschrieben werden: {1}</translation>
    </message>
</context>
<context>
    <name>ScenarioMenu</name>
    <message>
        <source>Sce&amp;nario</source>
        <translation>Sz&amp;enario</translation>
    </message>
    <message>
        <source>&amp;Run scenario…</source>
        <translation>Szenario &amp;ausführen…</translation>
    </message>
    <message>
        <source>Run a scenario file (TOML), as icescope probe --scenario does</source>
        <translation>Eine Szenario-Datei (TOML) ausführen, wie es icescope probe --scenario tut</translation>
    </message>
    <message>
        <source>Run scenario</source>
        <translation>Szenario ausführen</translation>
    </message>
    <message>
        <source>Scenario files (*.toml)</source>
        <translation>Szenario-Dateien (*.toml)</translation>
    </message>
    <message>
        <source>Scenario {0}: {1} of {2} expectations met</source>
        <translation>Szenario {0}: {1} von {2} Erwartungen erfüllt</translation>
    </message>
</context>
<context>
    <name>ServerTable</name>
    <message>
        <source>URL (stun: / turn: / turns:)</source>
        <translation>URL (stun: / turn: / turns:)</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Add server</source>
        <translation>Server hinzufügen</translation>
    </message>
    <message>
        <source>Add a row; type e.g. stun:127.0.0.1:3478</source>
        <translation>Eine Zeile hinzufügen; z. B. stun:127.0.0.1:3478 eingeben</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Show passwords</source>
        <translation>Passwörter anzeigen</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>New session — IceScope</source>
        <translation>Neue Sitzung — IceScope</translation>
    </message>
    <message>
        <source>Remote peer</source>
        <translation>Entfernter Peer</translation>
    </message>
    <message>
        <source>Host candidates (local addresses offered to the peer)</source>
        <translation>Host-Kandidaten (lokale Adressen, die dem Peer angeboten werden)</translation>
    </message>
    <message>
        <source>Relay only (iceTransportPolicy = relay: TURN candidates)</source>
        <translation>Nur Relay (iceTransportPolicy = relay: TURN-Kandidaten)</translation>
    </message>
    <message>
        <source>STUN / TURN servers</source>
        <translation>STUN- / TURN-Server</translation>
    </message>
    <message>
        <source>None by default: IceScope never contacts a public STUN server by itself.</source>
        <translation>Standardmäßig keine: IceScope kontaktiert nie von sich aus einen öffentlichen STUN-Server.</translation>
    </message>
    <message>
        <source>Seconds between consent checks (randomised ×0.8-1.2)</source>
        <translation>Sekunden zwischen Consent-Prüfungen (zufällig ×0,8–1,2)</translation>
    </message>
    <message>
        <source>No authenticated response this long → disconnected</source>
        <translation>So lange keine authentifizierte Antwort → disconnected</translation>
    </message>
    <message>
        <source>No response this long → failed (RFC 7675 §5.1: 30 s)</source>
        <translation>So lange keine Antwort → failed (RFC 7675 §5.1: 30 s)</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Standardwerte wiederherstellen</translation>
    </message>
    <message>
        <source>Consent / liveness timings (RFC 7675)</source>
        <translation>Consent-/Lebendigkeitszeiten (RFC 7675)</translation>
    </message>
    <message>
        <source>Consent check every</source>
        <translation>Consent-Prüfung alle</translation>
    </message>
    <message>
        <source>Disconnected after</source>
        <translation>Disconnected nach</translation>
    </message>
    <message>
        <source>Failed after</source>
        <translation>Failed nach</translation>
    </message>
    <message>
        <source>ICE PAC (RFC 8863): never failed sooner after checks start; a path that never worked fails at this time (1-600 s)</source>
        <translation>ICE PAC (RFC 8863): nie früher failed nach Beginn der Prüfungen; ein Pfad, der nie funktioniert hat, scheitert zu diesem Zeitpunkt (1–600 s)</translation>
    </message>
    <message>
        <source>No path: failed after</source>
        <translation>Kein Pfad: failed nach</translation>
    </message>
    <message>
        <source>Seconds between statistics samples of each peer (0.05-60 s)</source>
        <translation>Sekunden zwischen Statistik-Abfragen je Peer (0,05–60 s)</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Statistics every</source>
        <translation>Statistik alle</translation>
    </message>
    <message>
        <source>Shorter timeouts report an outage sooner; each must exceed the one before (disconnected &gt; 1.2 × check interval, failed &gt; disconnected).</source>
        <translation>Kürzere Zeiten melden einen Ausfall früher; jede muss größer sein als die vorige (disconnected &gt; 1,2 × Prüfintervall, failed &gt; disconnected).</translation>
    </message>
    <message>
        <source>Start session</source>
        <translation>Sitzung starten</translation>
    </message>
    <message>
        <source>Who offers: {0}</source>
        <translation>Wer anbietet: {0}</translation>
    </message>
    <message>
        <source>Fix the errors shown in red first</source>
        <translation>Beheben Sie zuerst die rot angezeigten Fehler</translation>
    </message>
</context>
<context>
    <name>SessionForm</name>
    <message>
        <source>Embedded loopback peer (both peers in this app)</source>
        <translation>Eingebauter Loopback-Peer (beide Peers in dieser App)</translation>
    </message>
    <message>
        <source>Browser peer (open a web page in any browser)</source>
        <translation>Browser-Peer (eine Webseite in einem beliebigen Browser öffnen)</translation>
    </message>
    <message>
        <source>Another IceScope: wait for it to connect (TCP)</source>
        <translation>Ein anderes IceScope: warten, bis es sich verbindet (TCP)</translation>
    </message>
    <message>
        <source>Another IceScope: connect to it (TCP)</source>
        <translation>Ein anderes IceScope: mit ihm verbinden (TCP)</translation>
    </message>
    <message>
        <source>Copy &amp;&amp; paste SDP (any WebRTC peer)</source>
        <translation>SDP kopieren &amp;&amp; einfügen (beliebiger WebRTC-Peer)</translation>
    </message>
    <message>
        <source>Offer/answer files (any WebRTC peer)</source>
        <translation>Angebots-/Antwortdateien (beliebiger WebRTC-Peer)</translation>
    </message>
    <message>
        <source>IceScope&apos;s local peer offers; the embedded remote answers.</source>
        <translation>Der lokale Peer von IceScope bietet an; die eingebaute Gegenseite antwortet.</translation>
    </message>
    <message>
        <source>The browser offers; IceScope answers.</source>
        <translation>Der Browser bietet an; IceScope antwortet.</translation>
    </message>
    <message>
        <source>IceScope offers; the browser answers.</source>
        <translation>IceScope bietet an; der Browser antwortet.</translation>
    </message>
    <message>
        <source>The connecting IceScope offers; this one answers.</source>
        <translation>Das verbindende IceScope bietet an; dieses antwortet.</translation>
    </message>
    <message>
        <source>This IceScope offers; the listening one answers.</source>
        <translation>Dieses IceScope bietet an; das wartende antwortet.</translation>
    </message>
    <message>
        <source>IceScope offers; you copy its offer, then paste the remote&apos;s answer.</source>
        <translation>IceScope bietet an; Sie kopieren sein Angebot und fügen dann die Antwort der Gegenseite ein.</translation>
    </message>
    <message>
        <source>The remote offers; you paste its offer, then copy IceScope&apos;s answer.</source>
        <translation>Die Gegenseite bietet an; Sie fügen ihr Angebot ein und kopieren dann die Antwort von IceScope.</translation>
    </message>
    <message>
        <source>IceScope answers if the offer file exists at start, else it writes the offer.</source>
        <translation>IceScope antwortet, wenn die Angebotsdatei beim Start existiert, sonst schreibt es das Angebot.</translation>
    </message>
    <message>
        <source>TURN server {0} needs a username and a credential</source>
        <translation>TURN-Server {0} braucht einen Benutzernamen und ein Passwort</translation>
    </message>
    <message>
        <source>server {0}: {1}</source>
        <translation>Server {0}: {1}</translation>
    </message>
    <message>
        <source>aiortc uses only the first STUN and the first TURN server ({0}); not used: {1}</source>
        <translation>aiortc nutzt nur den ersten STUN- und den ersten TURN-Server ({0}); nicht genutzt: {1}</translation>
    </message>
    <message>
        <source>aiortc uses only the first STUN and the first TURN server; not used: {1}</source>
        <translation>aiortc nutzt nur den ersten STUN- und den ersten TURN-Server; nicht genutzt: {1}</translation>
    </message>
    <message>
        <source> (stuns: is not supported)</source>
        <translation> (stuns: wird nicht unterstützt)</translation>
    </message>
    <message>
        <source>listen address</source>
        <translation>Warteadresse</translation>
    </message>
    <message>
        <source>URL to connect to</source>
        <translation>URL zum Verbinden</translation>
    </message>
    <message>
        <source>the browser page needs an address to listen on, e.g. 127.0.0.1</source>
        <translation>die Browserseite braucht eine Adresse, auf der sie bereitgestellt wird, z. B. 127.0.0.1</translation>
    </message>
    <message>
        <source>choose both an offer file and an answer file</source>
        <translation>wählen Sie eine Angebots- und eine Antwortdatei</translation>
    </message>
    <message>
        <source>tick at least one interface or address, or choose all interfaces</source>
        <translation>haken Sie mindestens eine Schnittstelle oder Adresse an, oder wählen Sie alle Schnittstellen</translation>
    </message>
    <message>
        <source>relay-only without a TURN server: nothing can be gathered, ICE cannot connect.</source>
        <translation>Nur Relay ohne TURN-Server: es kann nichts gesammelt werden, ICE kann sich nicht verbinden.</translation>
    </message>
    <message>
        <source>the page on {0} is reachable from the network (protected by a random token in its URL)</source>
        <translation>die Seite auf {0} ist aus dem Netzwerk erreichbar (geschützt durch ein zufälliges Token in ihrer URL)</translation>
    </message>
    <message>
        <source>listening on {0} is reachable from the network (protected by a random token in the URL it shows)</source>
        <translation>Lauschen auf {0} ist aus dem Netz erreichbar (geschützt durch ein zufälliges Token in der angezeigten URL)</translation>
    </message>
    <message>
        <source>the embedded loopback peer always gathers 127.0.0.1 only</source>
        <translation>der eingebaute Loopback-Peer sammelt immer nur 127.0.0.1</translation>
    </message>
</context>
<context>
    <name>SessionLife</name>
    <message>
        <source>starting…</source>
        <translation>startet…</translation>
    </message>
    <message>
        <source>Could not start the session: {0}</source>
        <translation>Die Sitzung konnte nicht gestartet werden: {0}</translation>
    </message>
    <message>
        <source>closing…</source>
        <translation>schließt…</translation>
    </message>
    <message>
        <source>ICE restart failed: {0}</source>
        <translation>ICE-Neustart fehlgeschlagen: {0}</translation>
    </message>
    <message>
        <source>Impairment rejected: {0}</source>
        <translation>Störung abgelehnt: {0}</translation>
    </message>
    <message>
        <source>Port {0} of the previous session is taken now: this session listens on a new port (give the remote the new URL)</source>
        <translation>Port {0} der vorigen Sitzung ist jetzt belegt: diese Sitzung lauscht auf einem neuen Port (geben Sie dem entfernten Peer die neue URL)</translation>
    </message>
</context>
<context>
    <name>SessionSummary</name>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>never connected</source>
        <translation>nie verbunden</translation>
    </message>
    <message>
        <source>ended failed</source>
        <translation>endete fehlgeschlagen</translation>
    </message>
    <message>
        <source>failed seen</source>
        <translation>Fehlschlag gesehen</translation>
    </message>
    <message>
        <source>no failure</source>
        <translation>kein Fehlschlag</translation>
    </message>
    <message>
        <source>loss: none</source>
        <translation>Verlust: keiner</translation>
    </message>
    <message>
        <source>loss: some or unknown</source>
        <translation>Verlust: vorhanden oder unbekannt</translation>
    </message>
    <message>
        <source>never (or not known)</source>
        <translation>nie (oder unbekannt)</translation>
    </message>
    <message>
        <source>the {0} peer never reported heartbeat counts</source>
        <translation>der Peer ({0}) hat nie Heartbeat-Zahlen gemeldet</translation>
    </message>
    <message>
        <source>the {0} peer did not say how many heartbeats it received</source>
        <translation>der Peer ({0}) hat nicht gesagt, wie viele Heartbeats er empfangen hat</translation>
    </message>
    <message>
        <source>the {0} peer&apos;s final count is not known (it had not stopped when counted)</source>
        <translation>die endgültige Zahl des Peers ({0}) ist nicht bekannt (er lief beim Zählen noch)</translation>
    </message>
    <message>
        <source>the {0} peer never reported how many heartbeats it sent</source>
        <translation>der Peer ({0}) hat nie gemeldet, wie viele Heartbeats er gesendet hat</translation>
    </message>
    <message>
        <source>the {0} peer&apos;s final sent count never arrived (its channel was gone)</source>
        <translation>die endgültige Sendezahl des Peers ({0}) kam nie an (sein Kanal war weg)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Session ended: {0}</source>
        <translation>Sitzung beendet: {0}</translation>
    </message>
    <message>
        <source>Time to connect: {0}</source>
        <translation>Zeit bis zur Verbindung: {0}</translation>
    </message>
    <message>
        <source>{0} received {1} ({2})</source>
        <translation>{0} empfing {1} ({2})</translation>
    </message>
    <message>
        <source>{0} received {1}, lost {2}, undelivered {3}</source>
        <translation>{0} empfing {1}, verloren {2}, nicht zugestellt {3}</translation>
    </message>
    <message>
        <source>Heartbeats: {0}</source>
        <translation>Heartbeats: {0}</translation>
    </message>
    <message>
        <source>not closed</source>
        <translation>nicht geschlossen</translation>
    </message>
    <message>
        <source>Closed: {0}</source>
        <translation>Geschlossen: {0}</translation>
    </message>
</context>
<context>
    <name>SessionWords</name>
    <message>
        <source>the call ended; waiting for the remote to come back as a new call</source>
        <translation>der Anruf ist beendet; es wird gewartet, bis die Gegenseite als neuer Anruf zurückkommt</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>Verbindung geschlossen</translation>
    </message>
    <message>
        <source>the selected pair moved to the new generation</source>
        <translation>das ausgewählte Paar ist zur neuen Generation gewechselt</translation>
    </message>
    <message>
        <source>browser page connected</source>
        <translation>Browserseite verbunden</translation>
    </message>
    <message>
        <source>open the browser peer page</source>
        <translation>die Browser-Peer-Seite öffnen</translation>
    </message>
    <message>
        <source>waiting for an IceScope peer (give it this URL)</source>
        <translation>wartet auf einen IceScope-Peer (geben Sie ihm diese URL)</translation>
    </message>
    <message>
        <source>the next IceScope peer holding the token</source>
        <translation>der nächste IceScope-Peer mit dem Token</translation>
    </message>
    <message>
        <source>a new browser page with the session&apos;s URL</source>
        <translation>eine neue Browserseite mit der URL der Sitzung</translation>
    </message>
    <message>
        <source>loopback only (127.0.0.1)</source>
        <translation>nur Loopback (127.0.0.1)</translation>
    </message>
    <message>
        <source>all interfaces</source>
        <translation>alle Schnittstellen</translation>
    </message>
    <message>
        <source>interfaces {0}</source>
        <translation>Schnittstellen {0}</translation>
    </message>
    <message>
        <source>addresses {0}</source>
        <translation>Adressen {0}</translation>
    </message>
    <message>
        <source>mode={0} addresses={1} timings=keepalive {2}s/disconnected {3}s/failed {4}s/pac {5}s</source>
        <translation>Modus {0} · Adressen: {1} · Zeiten: Keepalive {2} s, disconnected nach {3} s, failed nach {4} s, PAC {5} s</translation>
    </message>
    <message>
        <source>ice_servers={0}</source>
        <translation>· ICE-Server: {0}</translation>
    </message>
    <message>
        <source>relay-only</source>
        <translation>· nur Relay</translation>
    </message>
    <message>
        <source>long-running</source>
        <translation>· Langzeitsitzung</translation>
    </message>
    <message>
        <source>imported from {0}: peer connection {1}</source>
        <translation>importiert aus {0}: Peer-Verbindung {1}</translation>
    </message>
    <message>
        <source>ICE reached {0}</source>
        <translation>ICE erreichte {0}</translation>
    </message>
    <message>
        <source>connected with {0}</source>
        <translation>verbunden mit {0}</translation>
    </message>
    <message>
        <source>the listener {0} answered again (rounds: {1})</source>
        <translation>der Lauschende {0} hat wieder geantwortet (Runden: {1})</translation>
    </message>
</context>
<context>
    <name>Sessions</name>
    <message>
        <source>Recording: {0}</source>
        <translation>Aufzeichnung: {0}</translation>
    </message>
    <message>
        <source>Session {0} · {1}</source>
        <translation>Sitzung {0} · {1}</translation>
    </message>
    <message>
        <source>Sho&amp;wing:</source>
        <translation>An&amp;zeige:</translation>
    </message>
    <message>
        <source>The last sessions: live, ended and opened from files. Choose one to show it in every view; a new session keeps the previous ones here.</source>
        <translation>Die letzten Sitzungen: laufende, beendete und aus Dateien geöffnete. Wählen Sie eine, um sie in allen Ansichten zu zeigen; eine neue Sitzung behält die vorigen hier.</translation>
    </message>
    <message>
        <source>Session shown</source>
        <translation>Angezeigte Sitzung</translation>
    </message>
    <message>
        <source>Recording: {0} — not live</source>
        <translation>Aufzeichnung: {0} — nicht live</translation>
    </message>
    <message>
        <source>this is a recording, not live (choose a live session under Showing)</source>
        <translation>dies ist eine Aufzeichnung, nicht live (wählen Sie unter „Anzeige“ eine laufende Sitzung)</translation>
    </message>
    <message>
        <source>Session {0} (ended) — not live</source>
        <translation>Sitzung {0} (beendet) — nicht live</translation>
    </message>
    <message>
        <source>this session has ended (choose the live one under Showing)</source>
        <translation>diese Sitzung ist beendet (wählen Sie unter „Anzeige“ die laufende)</translation>
    </message>
    <message>
        <source>not live: nothing to impair</source>
        <translation>nicht live: nichts zu stören</translation>
    </message>
    <message>
        <source>Browser&apos;s peer connection (recorded)</source>
        <translation>Peer-Verbindung des Browsers (aufgezeichnet)</translation>
    </message>
    <message>
        <source>Local peer (recorded)</source>
        <translation>Lokaler Peer (aufgezeichnet)</translation>
    </message>
    <message>
        <source>Remote peer (recorded)</source>
        <translation>Entfernter Peer (aufgezeichnet)</translation>
    </message>
    <message>
        <source>the browser&apos;s peer connection {0}, from {1}</source>
        <translation>die Peer-Verbindung {0} des Browsers, aus {1}</translation>
    </message>
    <message>
        <source>IceScope — {0}</source>
        <translation>IceScope — {0}</translation>
    </message>
    <message>
        <source> (live)</source>
        <translation> (live)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings — IceScope</source>
        <translation>Einstellungen — IceScope</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Ask before quitting while a session is running</source>
        <translation>Vor dem Beenden fragen, wenn eine Sitzung läuft</translation>
    </message>
    <message>
        <source>Remember TURN passwords in the system keyring</source>
        <translation>TURN-Passwörter im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <source>Not available: </source>
        <translation>Nicht verfügbar: </translation>
    </message>
    <message>
        <source>Off: passwords are asked for again in New session and never written to a file.</source>
        <translation>Aus: Passwörter werden in „Neue Sitzung“ erneut abgefragt und nie in eine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Session &amp;defaults…</source>
        <translation>Sitzungs-&amp;Vorgaben…</translation>
    </message>
    <message>
        <source>Remote peer, ICE servers, timings and addresses that new sessions start with</source>
        <translation>Entfernter Peer, ICE-Server, Zeiten und Adressen, mit denen neue Sitzungen starten</translation>
    </message>
    <message>
        <source>none (nothing is remembered)</source>
        <translation>keine (nichts wird gespeichert)</translation>
    </message>
    <message>
        <source>&amp;Language (from the next start):</source>
        <translation>&amp;Sprache (ab dem nächsten Start):</translation>
    </message>
    <message>
        <source>New sessions:</source>
        <translation>Neue Sitzungen:</translation>
    </message>
    <message>
        <source>Settings file:</source>
        <translation>Einstellungsdatei:</translation>
    </message>
    <message>
        <source>Session defaults — IceScope</source>
        <translation>Sitzungs-Vorgaben — IceScope</translation>
    </message>
    <message>
        <source>Save as defaults</source>
        <translation>Als Vorgaben speichern</translation>
    </message>
</context>
<context>
    <name>SignalingPanel</name>
    <message>
        <source>Not applied: {0}</source>
        <translation>Nicht übernommen: {0}</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Gathering candidates…</source>
        <translation>Kandidaten werden gesammelt…</translation>
    </message>
    <message>
        <source>Paste SDP here (v=0 …) or JSON {&quot;type&quot;: …, &quot;sdp&quot;: …}</source>
        <translation>SDP hier einfügen (v=0 …) oder JSON {&quot;type&quot;: …, &quot;sdp&quot;: …}</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Browser peer · the browser offers</source>
        <translation>Browser-Peer · der Browser bietet an</translation>
    </message>
    <message>
        <source>Browser peer · IceScope offers</source>
        <translation>Browser-Peer · IceScope bietet an</translation>
    </message>
    <message>
        <source>Starting the page server…</source>
        <translation>Der Seitenserver startet…</translation>
    </message>
    <message>
        <source>Another IceScope over TCP · it connects and offers, we answer</source>
        <translation>Ein anderes IceScope über TCP · es verbindet sich und bietet an, wir antworten</translation>
    </message>
    <message>
        <source>Opening {0}…</source>
        <translation>{0} wird geöffnet…</translation>
    </message>
    <message>
        <source>Another IceScope over TCP · we connect and offer</source>
        <translation>Ein anderes IceScope über TCP · wir verbinden uns und bieten an</translation>
    </message>
    <message>
        <source>Connecting to {0} (retrying for 10 s)</source>
        <translation>Verbindung mit {0} (neue Versuche für 10 s)</translation>
    </message>
    <message>
        <source>Offer/answer files</source>
        <translation>Angebots-/Antwortdateien</translation>
    </message>
    <message>
        <source>Offer: {0} · answer: {1}</source>
        <translation>Angebot: {0} · Antwort: {1}</translation>
    </message>
    <message>
        <source>Copy &amp; paste signaling · IceScope offers</source>
        <translation>Signalisierung per Kopieren &amp; Einfügen · IceScope bietet an</translation>
    </message>
    <message>
        <source>Copy &amp; paste signaling · the remote offers</source>
        <translation>Signalisierung per Kopieren &amp; Einfügen · die Gegenseite bietet an</translation>
    </message>
    <message>
        <source>Connected to {0}</source>
        <translation>Verbunden mit {0}</translation>
    </message>
    <message>
        <source>Listening on &lt;b&gt;{0}&lt;/b&gt; · in the other IceScope choose &lt;i&gt;Another IceScope: connect to it&lt;/i&gt; with the URL &lt;i&gt;Copy&lt;/i&gt; gives (it holds the token; use this machine&apos;s IP if it listens on 0.0.0.0)</source>
        <translation>Lauscht auf &lt;b&gt;{0}&lt;/b&gt; · im anderen IceScope &lt;i&gt;Anderes IceScope: damit verbinden&lt;/i&gt; wählen, mit der URL, die &lt;i&gt;Kopieren&lt;/i&gt; liefert (sie enthält das Token; die IP dieses Rechners verwenden, wenn auf 0.0.0.0 gelauscht wird)</translation>
    </message>
    <message>
        <source>Open this page in any browser: &lt;a href=&quot;{0}&quot;&gt;{0}&lt;/a&gt;</source>
        <translation>Diese Seite in einem beliebigen Browser öffnen: &lt;a href=&quot;{0}&quot;&gt;{0}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>{0} IceScope&apos;s {1}: copy it to the remote peer</source>
        <translation>{0} {1} von IceScope: zur Gegenseite kopieren</translation>
    </message>
    <message>
        <source>{0} Paste the remote peer&apos;s {1} here</source>
        <translation>{0} Hier die {1} der Gegenseite einfügen</translation>
    </message>
    <message>
        <source>Copy {0}</source>
        <translation>{0} kopieren</translation>
    </message>
    <message>
        <source>Apply {0}</source>
        <translation>{0} übernehmen</translation>
    </message>
    <message>
        <source>IceScope&apos;s answer appears here once you paste…</source>
        <translation>Die Antwort von IceScope erscheint hier, sobald Sie einfügen…</translation>
    </message>
    <message>
        <source>✓ Remote {0} accepted and handed to the peer connection: watch the ICE states above.</source>
        <translation>✓ {0} der Gegenseite angenommen und an die Peer-Verbindung übergeben: beobachten Sie die ICE-Zustände oben.</translation>
    </message>
</context>
<context>
    <name>StateIndicator</name>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>{0} hours</source>
        <translation>{0} Stunden</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>1 Sekunde</translation>
    </message>
    <message>
        <source>{0} seconds</source>
        <translation>{0} Sekunden</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <source>{0} minutes</source>
        <translation>{0} Minuten</translation>
    </message>
    <message>
        <source>ICE connection state</source>
        <translation>ICE-Verbindungszustand</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>{0} ago</source>
        <translation>vor {0}</translation>
    </message>
    <message>
        <source>stale · last reported {0} · {1}</source>
        <translation>veraltet · zuletzt gemeldet {0} · {1}</translation>
    </message>
    <message>
        <source>for {0}</source>
        <translation>seit {0}</translation>
    </message>
    <message>
        <source>{0}: unknown</source>
        <translation>{0}: unbekannt</translation>
    </message>
    <message>
        <source>{0}: stale {1}</source>
        <translation>{0}: veraltet {1}</translation>
    </message>
    <message>
        <source>{0}: stale {1}, last reported {2} ago</source>
        <translation>{0}: veraltet {1}, zuletzt gemeldet vor {2}</translation>
    </message>
    <message>
        <source>{0}: {1}, for {2}</source>
        <translation>{0}: {1}, seit {2}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>stale {0}</source>
        <translation>veraltet {0}</translation>
    </message>
    <message>
        <source>Stale ({0}): the last reported value, not a live one.</source>
        <translation>Veraltet ({0}): der zuletzt gemeldete Wert, kein aktueller.</translation>
    </message>
    <message>
        <source>{0} · STALE (last report)</source>
        <translation>{0} · VERALTET (letzte Meldung)</translation>
    </message>
</context>
<context>
    <name>States</name>
    <message>
        <source>Gathering candidates and/or waiting for remote candidates; no checks have started yet.</source>
        <translation>Der ICE-Agent sammelt Adressen oder wartet auf entfernte Kandidaten (oder beides); es haben noch keine Prüfungen begonnen.</translation>
    </message>
    <message>
        <source>Checking candidate pairs: no usable pair found yet (or consent was lost on every previously working pair).</source>
        <translation>Der ICE-Agent prüft Paare aus lokalen und entfernten Kandidaten, hat aber noch kein verwendbares Paar gefunden (oder auf jedem zuvor funktionierenden Paar die Zustimmung verloren).</translation>
    </message>
    <message>
        <source>A usable pair was found; ICE may still be checking other pairs or waiting for end-of-candidates.</source>
        <translation>Ein verwendbares Paar aus lokalen und entfernten Kandidaten wurde gefunden und die Verbindung hergestellt; der ICE-Agent prüft eventuell noch weitere Paare oder wartet auf das Ende der Kandidaten.</translation>
    </message>
    <message>
        <source>Gathering finished, end-of-candidates received, every pair checked and a connection found.</source>
        <translation>Der ICE-Agent hat das Sammeln abgeschlossen, das Ende der Kandidaten erhalten, alle Paare gegeneinander geprüft und eine Verbindung gefunden.</translation>
    </message>
    <message>
        <source>Every pair failed or lost consent. Terminal until ICE is restarted; DTLS and data channels are not closed by it.</source>
        <translation>Der ICE-Agent hat alle Kandidatenpaare geprüft und kein funktionierendes gefunden (oder die Zustimmung auf allen verloren). Endgültig bis zu einem ICE-Neustart; DTLS und Datenkanäle werden dadurch nicht geschlossen.</translation>
    </message>
    <message>
        <source>Connectivity is currently lost (no consent responses). Transient: may recover on its own on a flaky network.</source>
        <translation>Die Prüfungen, ob die Komponenten noch verbunden sind, sind fehlgeschlagen (keine Consent-Antworten). Vorübergehend: in unzuverlässigen Netzen kann sich die Verbindung von selbst erholen.</translation>
    </message>
    <message>
        <source>The ICE agent has shut down and no longer answers STUN requests.</source>
        <translation>Der ICE-Agent wurde beendet und beantwortet keine STUN-Anfragen mehr.</translation>
    </message>
    <message>
        <source>local close: close() was called here (webrtc-pc fires no event)</source>
        <translation>lokal geschlossen: close() wurde hier aufgerufen (webrtc-pc löst kein Ereignis aus)</translation>
    </message>
    <message>
        <source>the library closed the connection on its own</source>
        <translation>die Bibliothek hat die Verbindung selbst geschlossen</translation>
    </message>
    <message>
        <source>the remote said goodbye (bye on signaling); closed in answer</source>
        <translation>die Gegenseite hat sich verabschiedet (bye über die Signalisierung); als Antwort geschlossen</translation>
    </message>
    <message>
        <source>the browser page closed its connection</source>
        <translation>die Browserseite hat ihre Verbindung geschlossen</translation>
    </message>
    <message>
        <source>the signaling channel to the remote broke; closed here</source>
        <translation>der Signalisierungskanal zur Gegenseite ist abgerissen; hier geschlossen</translation>
    </message>
    <message>
        <source>IceScope is exiting</source>
        <translation>IceScope wird beendet</translation>
    </message>
    <message>
        <source>the remote came back as a new peer; closed here for a new call</source>
        <translation>die Gegenstelle kam als neuer Peer zurück; hier für einen neuen Anruf geschlossen</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>no session</source>
        <translation>keine Sitzung</translation>
    </message>
    <message>
        <source>roles: not reported yet</source>
        <translation>Rollen: noch nicht gemeldet</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>roles: {0}</source>
        <translation>Rollen: {0}</translation>
    </message>
    <message>
        <source>pair: none selected yet</source>
        <translation>Paar: noch keins ausgewählt</translation>
    </message>
    <message>
        <source>pair: {0} ⇄ {1}</source>
        <translation>Paar: {0} ⇄ {1}</translation>
    </message>
    <message>
        <source>heartbeats: not counted yet</source>
        <translation>Heartbeats: noch nicht gezählt</translation>
    </message>
    <message>
        <source>{0} not counted yet</source>
        <translation>{0} noch nicht gezählt</translation>
    </message>
    <message>
        <source> (final)</source>
        <translation> (endgültig)</translation>
    </message>
    <message>
        <source>heartbeats: {0}</source>
        <translation>Heartbeats: {0}</translation>
    </message>
    <message>
        <source>journal error: {0}</source>
        <translation>Journal-Fehler: {0}</translation>
    </message>
    <message>
        <source>journal: {0}</source>
        <translation>Journal: {0}</translation>
    </message>
    <message>
        <source>journal: off</source>
        <translation>Journal: aus</translation>
    </message>
    <message>
        <source>ICE agent roles (RFC 8445 §6.1.1), as the engine reported them</source>
        <translation>Rollen der ICE-Agents (RFC 8445 §6.1.1), wie die Engine sie gemeldet hat</translation>
    </message>
    <message>
        <source>Selected candidate pair of the local peer (local ⇄ remote)</source>
        <translation>Ausgewähltes Kandidatenpaar des lokalen Peers (lokal ⇄ entfernt)</translation>
    </message>
    <message>
        <source>Heartbeat messages on the data channel, per peer: sent ↑ / received ↓ (the latest counts the peers published)</source>
        <translation>Heartbeat-Nachrichten auf dem Datenkanal, je Peer: gesendet ↑ / empfangen ↓ (die zuletzt von den Peers veröffentlichten Zahlen)</translation>
    </message>
    <message>
        <source>The ended session&apos;s verdict (the summary is under the log)</source>
        <translation>Das Ergebnis der beendeten Sitzung (die Zusammenfassung steht unter dem Protokoll)</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>restart</source>
        <translation>Neustart</translation>
    </message>
    <message>
        <source>impairment</source>
        <translation>Störung</translation>
    </message>
    <message>
        <source>pair</source>
        <translation>Paar</translation>
    </message>
    <message>
        <source>notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>cause</source>
        <translation>Ursache</translation>
    </message>
    <message>
        <source>▭ unknown: reports stopped</source>
        <translation>▭ unbekannt: keine Berichte mehr</translation>
    </message>
    <message>
        <source>local ICE</source>
        <translation>lokal ICE</translation>
    </message>
    <message>
        <source>local connection</source>
        <translation>lokal Verbindung</translation>
    </message>
    <message>
        <source>remote ICE</source>
        <translation>entfernt ICE</translation>
    </message>
    <message>
        <source>remote connection</source>
        <translation>entfernt Verbindung</translation>
    </message>
    <message>
        <source>Wheel: zoom · drag: pan · double-click: whole session · click: select the log rows</source>
        <translation>Mausrad: zoomen · Ziehen: verschieben · Doppelklick: ganze Sitzung · Klick: Protokollzeilen wählen</translation>
    </message>
    <message>
        <source>marks</source>
        <translation>Marken</translation>
    </message>
    <message>
        <source>▬ expectation: grey pending, green met, red not met</source>
        <translation>▬ Erwartung: grau offen, grün erfüllt, rot nicht erfüllt</translation>
    </message>
    <message>
        <source>Timeline: wheel zooms, drag pans, click selects the log rows of that moment</source>
        <translation>Zeitleiste: Mausrad zoomt, Ziehen verschiebt, Klick wählt die Protokollzeilen dieses Moments</translation>
    </message>
    <message>
        <source>Zoom to fit</source>
        <translation>Alles zeigen</translation>
    </message>
    <message>
        <source>Show the whole session and follow it live (or double-click)</source>
        <translation>Die ganze Sitzung zeigen und live mitlaufen (oder Doppelklick)</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save the timeline as shown, as a PNG image</source>
        <translation>Die Zeitleiste wie angezeigt als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>SVG…</source>
        <translation>SVG…</translation>
    </message>
    <message>
        <source>Save the timeline as an SVG drawing</source>
        <translation>Die Zeitleiste als SVG-Zeichnung speichern</translation>
    </message>
    <message>
        <source>Export timeline as {0}</source>
        <translation>Zeitleiste als {0} exportieren</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>IceScope user guide</source>
        <translation>IceScope-Benutzerhandbuch</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
</context>
<context>
    <name>ViewMenu</name>
    <message>
        <source>&amp;Peer panels</source>
        <translation>&amp;Peer-Bereiche</translation>
    </message>
    <message>
        <source>&amp;Impair panel</source>
        <translation>Netzwerk &amp;stören</translation>
    </message>
    <message>
        <source>&amp;Legend</source>
        <translation>&amp;Legende</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Zeitleiste</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>Log &amp;&amp; timeline</source>
        <translation>Protokoll &amp;&amp; Zeitleiste</translation>
    </message>
    <message>
        <source>Candidates &amp;&amp; pairs</source>
        <translation>Kandidaten &amp;&amp; Paare</translation>
    </message>
    <message>
        <source>Graphs</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Every event, and both peers&apos; states over time</source>
        <translation>Jedes Ereignis und die Zustände beider Peers im Zeitverlauf</translation>
    </message>
    <message>
        <source>Every candidate and candidate pair of both peers, from their statistics</source>
        <translation>Jeder Kandidat und jedes Kandidatenpaar beider Peers, aus ihren Statistiken</translation>
    </message>
    <message>
        <source>Round-trip time, bytes/s and heartbeats/s of both peers</source>
        <translation>Umlaufzeit, Bytes/s und Heartbeats/s beider Peers</translation>
    </message>
</context>
<context>
    <name>WindowLayout</name>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sitzung</translation>
    </message>
    <message>
        <source>Export events as &amp;JSON Lines…</source>
        <translation>Ereignisse als &amp;JSON Lines exportieren…</translation>
    </message>
    <message>
        <source>Export events as CS&amp;V…</source>
        <translation>Ereignisse als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About IceScope</source>
        <translation>Über &amp;IceScope</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <source>remote</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>blackout</source>
        <translation>Ausfall</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>delay</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>clear</source>
        <translation>Aufhebung</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>in</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>out</source>
        <translation>aus</translation>
    </message>
</context>
</TS>
