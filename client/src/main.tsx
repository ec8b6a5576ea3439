import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** Placeholder app shell; the real client comes later. */
function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem' }}>
      <h1>ระบบสารสนเทศทางการศึกษาท้องถิ่น (LEC)</h1>
      <p>หน้าจอสำหรับผู้ใช้อยู่ระหว่างพัฒนา</p>
    </main>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
