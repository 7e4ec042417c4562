import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { connectWorkbench } from './api'
import { createWorkbench } from './effects/workbench'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <App workbench={createWorkbench(connectWorkbench())} />
  </StrictMode>,
)
