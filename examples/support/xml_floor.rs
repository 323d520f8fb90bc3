//! The floor an XML reader is measured against: quick-xml's bare event
//! loop, each event read and dropped (included with `#[path]` by the IATI
//! bench and example).

use quick_xml::events::Event;

/// The number of events in `bytes`: quick-xml's reader alone.
pub fn bare_events(bytes: &[u8]) -> usize {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buffer = Vec::new();
    let mut events = 0;
    loop {
        buffer.clear();
        match reader.read_event_into(&mut buffer) {
            Ok(Event::Eof) | Err(_) => return events,
            Ok(_) => events += 1,
        }
    }
}
