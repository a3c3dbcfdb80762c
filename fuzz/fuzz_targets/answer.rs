#![no_main]
libfuzzer_sys::fuzz_target!(init: cleocps_fuzz::init(), |data: &[u8]| cleocps_fuzz::answer(data));
