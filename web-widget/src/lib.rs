//! test
use wasm_bindgen::prelude::*;

/// x
#[wasm_bindgen]
pub fn hello(x: u32) -> u32 {
    x + 1
}

/// Handle
#[wasm_bindgen]
pub struct Handle {
    n: u32,
}

#[wasm_bindgen]
impl Handle {
    /// destroy
    pub fn destroy(&mut self) {
        self.n = 0;
    }
}
